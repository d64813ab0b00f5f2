import HTTPServer

/// What a parser produced, in a form two runs can compare.
private enum Outcome: Equatable {
    case request(method: String, target: String, headers: [String], body: [UInt8])
    case failure(Int)
}

/// Parses `data` delivered in pieces of the given sizes (cycled) and returns every event.
private func parse(_ data: UnsafeRawBufferPointer, pieces: [Int]) -> [Outcome] {
    var limits = HTTPParserLimits()
    limits.maxBodyBytes = 64 * 1024
    var parser = HTTPRequestParser(limits: limits)
    var outcomes: [Outcome] = []
    var offset = 0, piece = 0
    func drain() -> Bool {
        while let event = parser.next() {
            switch event {
            case .request(let r):
                // Every request the parser hands out is framed: its body is exactly what it says.
                if let length = r.headers["content-length"], let n = Int(length) { precondition(n == r.body.count, "body length") }
                outcomes.append(.request(method: r.method.rawValue, target: r.target,
                                         headers: r.headers.fields.map { $0.name + ":" + $0.value }, body: r.body))
            case .failure(let e):
                precondition((400...505).contains(e.status), "status \(e.status)")
                outcomes.append(.failure(e.status))
                return false
            }
            if outcomes.count > 64 { return false }
        }
        return true
    }
    while offset < data.count {
        let size = max(1, min(pieces[piece % pieces.count], data.count - offset))
        parser.append(UnsafeRawBufferPointer(rebasing: data[offset..<offset + size]))
        offset += size
        piece += 1
        if !drain() { return outcomes }
    }
    _ = drain()
    return outcomes
}

/// libFuzzer's entry point. The parser must never crash, never hand out a request whose body
/// disagrees with its framing, and must produce the same requests and errors however the bytes
/// are split across reads (a parser that depends on packet boundaries desynchronises a
/// connection).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = UnsafeRawBufferPointer(start: start, count: count)
    let whole = parse(data, pieces: [max(1, count)])
    let split = count == 0 ? 0 : Int(start[0]) % 7 + 1
    let pieces = parse(data, pieces: [split, 1, split * 3])
    precondition(whole == pieces, "split-dependent parse")
    return 0
}

// SwiftPM links an executable target's entry point as `<Target>_main` (and points `main` at
// it): hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("HTTPParserFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzz($0, $1) }
}
