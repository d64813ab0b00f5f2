import Locking
import Foundation
import GRDB
import HTTPTestSupport
import SalesAPI
import HTTPServer
import SalesStore
import Synchronization
import Testing

@Suite struct OpenRoutes {
    @Test func healthReadyMetricsAndSpecNeedNoKey() async throws {
        try await withAPI { api in
            let health = try await api.call("GET", "/healthz", key: nil)
            #expect(health.status == 200)
            #expect(health.text == #"{"status":"ok"}"#)
            let ready = try await api.call("GET", "/readyz", key: nil)
            #expect(ready.status == 200)
            #expect(ready.text == #"{"status":"ready"}"#)
            _ = try await api.call("GET", "/v1/customers")
            let metrics = try await api.call("GET", "/metrics", key: nil)
            #expect(metrics.status == 200)
            #expect(metrics.header("content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.text.contains(#"sales_http_requests_total{method="GET",route="/v1/customers",status="200"} 1"#))
            #expect(metrics.text.contains("sales_http_request_duration_seconds_bucket{le=\"+Inf\"}"))
            #expect(metrics.text.contains("sales_http_open_connections "))
            #expect(metrics.text.contains("sales_db_commit_duration_seconds_count"))
            #expect(metrics.text.contains("\nsales_db_write_retries_total 0\n"))
            let spec = try await api.call("GET", "/openapi.json", key: nil)
            #expect(spec.status == 200)
            #expect(spec["openapi"] as? String == "3.1.0")
        }
    }
}

@Suite struct Authentication {
    @Test func missingUnknownAndRevokedKeysAre401() async throws {
        try await withAPI { api in
            let missing = try await api.call("GET", "/v1/customers", key: nil)
            #expect(missing.status == 401)
            #expect(missing.code == "unauthorized")
            #expect(missing.header("content-type") == "application/problem+json")
            #expect(missing.header("www-authenticate") == "Bearer")
            #expect(try await api.call("GET", "/v1/customers", key: "sk_0000").status == 401)
            #expect(try await api.call("GET", "/v1/customers", key: nil, headers: ["Authorization: Basic abc"]).status == 401)

            let created = try await api.call("POST", "/v1/api-keys", #"{"name":"pos","role":"sales"}"#)
            #expect(created.status == 201)
            let secret = try #require(created["key"] as? String)
            #expect(secret.hasPrefix("sk_") && secret.count == 43)
            #expect(created["role"] as? String == "sales")
            #expect(try await api.call("GET", "/v1/customers", key: secret).status == 200)

            // Listing never shows a secret.
            let list = try await api.call("GET", "/v1/api-keys")
            #expect(list.status == 200)
            #expect(!list.text.contains(secret))
            #expect(list.data.count == 2)
            #expect(list.data.allSatisfy { $0["key"] == nil })

            let id = try #require(created["id"] as? Int)
            let revoked = try await api.call("DELETE", "/v1/api-keys/\(id)")
            #expect(revoked.status == 200)
            #expect(revoked["revoked"] as? Bool == true)
            #expect(try await api.call("GET", "/v1/customers", key: secret).status == 401)
        }
    }

    @Test func onlyHashesAreStored() async throws {
        try await withAPI { api in
            let secret = try await api.key(role: "readonly")
            let stored = try await api.database.read { db in
                try db.fetchAll("SELECT key_hash, name, key_prefix FROM api_keys") { row in
                    (hash: row["key_hash"] as [UInt8], name: row["name"] as String, prefix: row["key_prefix"] as String)
                }
            }
            #expect(stored.map(\.hash).contains(Crypto.sha256(secret)))
            let hex = stored.map { $0.hash.map { String(format: "%02x", $0) }.joined() + $0.name + $0.prefix }
            #expect(!hex.joined().contains(secret))
        }
    }

    @Test func bootstrapKeyIsEnsuredAndFirstKeyCreatedOnlyOnEmptyDatabase() async throws {
        try await withAPI { api in
            // The harness's database already has the generated admin key: nothing new is created.
            let again = try Bootstrap.ensureAdminKey(api.app.database, bootstrapSecret: nil)
            #expect(again == .existing)
            let outcome = try Bootstrap.ensureAdminKey(api.app.database, bootstrapSecret: "sk_bootstrap_secret_for_tests")
            guard case .ensured = outcome else { Issue.record("expected ensured, got \(outcome)"); return }
            let third = try Bootstrap.ensureAdminKey(api.app.database, bootstrapSecret: "sk_bootstrap_secret_for_tests")
            #expect(third == .existing)
            let reply = try await api.call("GET", "/v1/api-keys", key: "sk_bootstrap_secret_for_tests")
            #expect(reply.status == 200)
        }
    }
}

@Suite struct RoleMatrix {
    /// docs/api.md §2 for the routes of this issue: reads for every role, writes per area, keys admin-only.
    @Test func rolesAreEnforcedPerRoute() async throws {
        try await withAPI { api in
            var keys: [String: String] = ["admin": api.adminKey]
            for role in ["sales", "warehouse", "accounting", "readonly"] { keys[role] = try await api.key(role: role) }
            let cases: [(String, String, String?, Set<String>)] = [
                ("GET", "/v1/customers", nil, ["admin", "sales", "warehouse", "accounting", "readonly"]),
                ("POST", "/v1/customers", #"{"name":"X"}"#, ["admin", "sales"]),
                ("POST", "/v1/products", #"{"sku":"S-\#(UUID().uuidString)","name":"P","unit_price":1}"#, ["admin", "warehouse"]),
                ("POST", "/v1/tax-rates", #"{"name":"T","percent":5}"#, ["admin", "accounting"]),
                ("GET", "/v1/stock", nil, ["admin", "sales", "warehouse", "accounting", "readonly"]),
                ("GET", "/v1/api-keys", nil, ["admin"]),
            ]
            for (method, path, body, allowed) in cases {
                for (role, key) in keys {
                    // Unique SKUs per attempt so a second allowed role is not a duplicate.
                    let actualBody = body?.replacingOccurrences(of: "S-", with: "S-\(role)-")
                    let reply = try await api.call(method, path, actualBody, key: key)
                    if allowed.contains(role) {
                        #expect(reply.status < 300, "\(role) \(method) \(path) → \(reply.status) \(reply.text)")
                    } else {
                        #expect(reply.status == 403, "\(role) \(method) \(path) → \(reply.status)")
                        #expect(reply.code == "forbidden")
                    }
                }
            }
        }
    }
}

@Suite struct RequestBodies {
    @Test func nonJSONIs415MalformedIs400AndFieldsAre422() async throws {
        try await withAPI { api in
            let wrongType = try await api.call("POST", "/v1/customers", "name=x", contentType: "application/x-www-form-urlencoded")
            #expect(wrongType.status == 415)
            #expect(wrongType.code == "unsupported_media_type")
            let malformed = try await api.call("POST", "/v1/customers", #"{"name": "x",}"#)
            #expect(malformed.status == 400)
            #expect(malformed.code == "bad_request")
            let notObject = try await api.call("POST", "/v1/customers", "[1]")
            #expect(notObject.status == 422)
            let invalid = try await api.call("POST", "/v1/customers",
                                             #"{"email":"nope","credit_limit":-5,"currency":"usd","colour":"red","payment_terms_days":1.5}"#)
            #expect(invalid.status == 422)
            #expect(invalid.code == "validation_failed")
            #expect(invalid["detail"] as? String == "6 fields are invalid")
            #expect(Set(invalid.errorFields) == ["name", "email", "credit_limit", "currency", "colour", "payment_terms_days"])
        }
    }

    @Test func quantitiesWithMoreThanThreeDecimalsAre422() async throws {
        try await withAPI { api in
            let product = try await api.call("POST", "/v1/products", #"{"sku":"Q1","name":"Q","unit_price":100}"#)
            let id = try #require(product["id"] as? Int)
            let bad = try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":1.2345}"#)
            #expect(bad.status == 422)
            #expect(bad.errorFields == ["quantity"])
            #expect(bad.errorCodes == ["too_many_decimals"])
            let good = try await api.call("POST", "/v1/products/\(id)/stock-adjustments", #"{"quantity":1.125}"#)
            #expect(good.status == 201)
            #expect(good.text.contains(#""quantity":1.125"#))
        }
    }

    @Test func metadataLimitsAndFilters() async throws {
        try await withAPI { api in
            var many = (0..<51).map { "\"k\($0)\":\"v\"" }.joined(separator: ",")
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"M","metadata":{\#(many)}}"#).errorCodes.contains("too_many_keys"))
            let longKey = String(repeating: "k", count: 41)
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"M","metadata":{"\#(longKey)":"v"}}"#).status == 422)
            let longValue = String(repeating: "v", count: 501)
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"M","metadata":{"k":"\#(longValue)"}}"#).status == 422)
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"M","metadata":{"k":1}}"#).status == 422)
            many = (0..<50).map { "\"k\($0)\":\"v\"" }.joined(separator: ",")
            #expect(try await api.call("POST", "/v1/customers", #"{"name":"Fifty","metadata":{\#(many)}}"#).status == 201)

            _ = try await api.call("POST", "/v1/customers", #"{"name":"A","metadata":{"channel":"web","tier":"gold"}}"#)
            _ = try await api.call("POST", "/v1/customers", #"{"name":"B","metadata":{"channel":"pos"}}"#)
            _ = try await api.call("POST", "/v1/customers", #"{"name":"C","metadata":{"channel":"web"}}"#)
            let web = try await api.call("GET", "/v1/customers?metadata%5Bchannel%5D=web")
            #expect(web.data.map { $0["name"] as? String } == ["A", "C"])
            let both = try await api.call("GET", "/v1/customers?metadata[channel]=web&metadata[tier]=gold")
            #expect(both.data.map { $0["name"] as? String } == ["A"])
            // An injection attempt in the key is just a key that matches nothing.
            let injected = try await api.call("GET", "/v1/customers?metadata[x%22)%20OR%201%3D1--]=web")
            #expect(injected.status == 200)
            #expect(injected.data.isEmpty)
            // A malformed filter is refused, not ignored (which would return everything).
            #expect(try await api.call("GET", "/v1/customers?metadata[x=1]=web").status == 400)
            #expect(try await api.call("GET", "/v1/customers?metadata[]=web").status == 400)
            // A key starting with a combining mark is still a key (the fuzzer found it refused).
            #expect(try await api.call("GET", "/v1/customers?metadata[%CC%81a]=web").status == 200)
            #expect(try await api.call("GET", "/v1/customers?metadata[\(String(repeating: "k", count: 41))]=web").status == 400)
        }
    }
}

@Suite struct Versions {
    @Test func etagIfMatchAndIfNoneMatch() async throws {
        try await withAPI { api in
            let created = try await api.call("POST", "/v1/customers", #"{"name":"Versioned"}"#)
            #expect(created.status == 201)
            #expect(created.header("etag") == "\"1\"")
            let id = try #require(created["id"] as? Int)

            let notModified = try await api.call("GET", "/v1/customers/\(id)", headers: ["If-None-Match: \"1\""])
            #expect(notModified.status == 304)
            #expect(notModified.raw.body.isEmpty)
            #expect(try await api.call("GET", "/v1/customers/\(id)", headers: ["If-None-Match: \"7\""]).status == 200)

            let patched = try await api.call("PATCH", "/v1/customers/\(id)", #"{"phone":"555"}"#, headers: ["If-Match: \"1\""])
            #expect(patched.status == 200)
            #expect(patched["version"] as? Int == 2)
            #expect(patched.header("etag") == "\"2\"")

            let stale = try await api.call("PATCH", "/v1/customers/\(id)", #"{"phone":"666"}"#, headers: ["If-Match: \"1\""])
            #expect(stale.status == 412)
            #expect(stale.code == "version_conflict")
            #expect(try await api.call("GET", "/v1/customers/\(id)")["phone"] as? String == "555")

            // A no-op PATCH does not bump the version.
            #expect(try await api.call("PATCH", "/v1/customers/\(id)", #"{"phone":"555"}"#)["version"] as? Int == 2)
            #expect(try await api.call("DELETE", "/v1/customers/\(id)", headers: ["If-Match: \"1\""]).status == 412)
            #expect(try await api.call("DELETE", "/v1/customers/\(id)", headers: ["If-Match: \"2\""]).status == 204)
            #expect(try await api.call("GET", "/v1/customers/\(id)").status == 404)
        }
    }
}

@Suite struct Lists {
    @Test func envelopeCursorsAndDateFilters() async throws {
        try await withAPI { api in
            var createdDays: [String] = []
            for i in 1...7 {
                let created = try await api.call("POST", "/v1/customers", #"{"name":"C\#(i)"}"#)
                createdDays.append(day(of: created["created_at"]))
            }
            var names: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let path = "/v1/customers?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await api.call("GET", path)
                #expect(page.status == 200)
                names += page.data.compactMap { $0["name"] as? String }
                cursor = page["next_cursor"] as? String
                #expect((page["has_more"] as? Bool) == (cursor != nil))
                pages += 1
            } while cursor != nil
            #expect(pages == 3)
            #expect(names == (1...7).map { "C\($0)" })

            #expect(try await api.call("GET", "/v1/customers?limit=0").status == 400)
            #expect(try await api.call("GET", "/v1/customers?limit=2.5").status == 400)
            let wholeLimit = try await api.call("GET", "/v1/customers?limit=3.0")
            #expect(wholeLimit.data.compactMap { $0["name"] as? String } == ["C1", "C2", "C3"])
            #expect(try await api.call("GET", "/v1/customers?limit=201").status == 400)
            #expect(try await api.call("GET", "/v1/customers?cursor=garbage").status == 400)
            let unknown = try await api.call("GET", "/v1/customers?customer_id=1")
            #expect(unknown.status == 400)
            #expect(unknown["detail"] as? String == "unknown query parameter \"customer_id\"")
            #expect(try await api.call("GET", "/v1/customers?created_from=yesterday").status == 400)

            // The days the server gave them (one day, unless the run crossed UTC midnight).
            let first = createdDays[0], last = createdDays[6]
            #expect(try await api.call("GET", "/v1/customers?created_from=\(first)&created_to=\(last)").data.count == 7)
            #expect(try await api.call("GET", "/v1/customers?created_from=\(day(of: "\(last)T00:00:00.000Z", plusDays: 1))").data.isEmpty)
            #expect(try await api.call("GET", "/v1/customers?created_to=2000-01-01").data.isEmpty)
            #expect(try await api.call("GET", "/v1/customers?q=C3").data.map { $0["name"] as? String } == ["C3"])
            #expect(try await api.call("GET", "/v1/customers?q=%25").data.isEmpty)
        }
    }

    @Test func updatedSinceIsASyncFeedOrderedByUpdate() async throws {
        try await withAPI { api in
            var ids: [Int] = []
            for i in 1...4 { ids.append(try #require(try await api.call("POST", "/v1/customers", #"{"name":"S\#(i)"}"#)["id"] as? Int)) }
            try await Task.sleep(for: .milliseconds(5))
            // Touch the first one: it moves to the end of the feed.
            _ = try await api.call("PATCH", "/v1/customers/\(ids[0])", #"{"phone":"1"}"#)
            let feed = try await api.call("GET", "/v1/customers?updated_since=2000-01-01T00:00:00Z&limit=2")
            #expect(feed.data.compactMap { $0["id"] as? Int } == [ids[1], ids[2]])
            let cursor = try #require(feed["next_cursor"] as? String)
            let rest = try await api.call("GET", "/v1/customers?updated_since=2000-01-01T00:00:00Z&limit=2&cursor=\(cursor)")
            #expect(rest.data.compactMap { $0["id"] as? Int } == [ids[3], ids[0]])
            #expect(rest["has_more"] as? Bool == false)
            // A feed cursor in a plain list positions by its id (every well-formed cursor is a
            // position); a string outside the cursor grammar is 400.
            #expect(try await api.call("GET", "/v1/customers?cursor=\(cursor)").data.compactMap { $0["id"] as? Int } == [ids[3]])
            #expect(try await api.call("GET", "/v1/customers?cursor=zz").status == 400)
        }
    }
}

@Suite struct Idempotency {
    @Test func replayIsByteForByteAndOtherBodiesAreRefused() async throws {
        try await withAPI { api in
            let body = #"{"name":"Once","external_ref":"ext-1"}"#
            let first = try await api.call("POST", "/v1/customers", body, headers: ["Idempotency-Key: k-1"])
            #expect(first.status == 201)
            #expect(first.header("idempotent-replayed") == nil)
            let second = try await api.call("POST", "/v1/customers", body, headers: ["Idempotency-Key: k-1"])
            #expect(second.status == 201)
            #expect(second.header("idempotent-replayed") == "true")
            #expect(second.raw.body == first.raw.body)
            #expect(second.header("etag") == first.header("etag"))
            #expect(try await api.call("GET", "/v1/customers").data.count == 1)

            let other = try await api.call("POST", "/v1/customers", #"{"name":"Twice"}"#, headers: ["Idempotency-Key: k-1"])
            #expect(other.status == 422)
            #expect(other.code == "idempotency_key_reused")

            // Keys are per API key: another key may use the same Idempotency-Key.
            let salesKey = try await api.key(role: "sales")
            let mine = try await api.call("POST", "/v1/customers", #"{"name":"Mine"}"#, key: salesKey, headers: ["Idempotency-Key: k-1"])
            #expect(mine.status == 201)
            #expect(mine.header("idempotent-replayed") == nil)

            // An error is replayed too, and has no side effects.
            let dup = try await api.call("POST", "/v1/customers", #"{"name":"Dup","external_ref":"ext-1"}"#, headers: ["Idempotency-Key: k-2"])
            #expect(dup.status == 409)
            #expect(dup.code == "duplicate")
            let dupAgain = try await api.call("POST", "/v1/customers", #"{"name":"Dup","external_ref":"ext-1"}"#, headers: ["Idempotency-Key: k-2"])
            #expect(dupAgain.status == 409)
            #expect(dupAgain.header("idempotent-replayed") == "true")
            #expect(dupAgain.raw.body == dup.raw.body)

            let tooLong = try await api.call("POST", "/v1/customers", body, headers: ["Idempotency-Key: " + String(repeating: "k", count: 256)])
            #expect(tooLong.status == 400)
        }
    }

    @Test func concurrentDuplicatesCreateExactlyOne() async throws {
        try await withAPI { api in
            let replies = try await api.raceReplies(Array(repeating: ("POST", "/v1/customers", #"{"name":"Raced"}"#, ["Idempotency-Key: race"]), count: 16))
            let all = replies.map(\.status)
            let replayed = replies.filter { $0.header("idempotent-replayed") == "true" }.count
            #expect(all.count == 16)
            // Each is the original, a replay of it, or told the original is still running.
            #expect(all.allSatisfy { $0 == 201 || $0 == 409 })
            #expect(all.filter { $0 == 201 }.count == 1 + replayed)
            let customers = try await api.call("GET", "/v1/customers?q=Raced")
            #expect(customers.data.count == 1)
        }
    }

    @Test func expiredKeysArePurged() async throws {
        try await withAPI { api in
            _ = try await api.call("POST", "/v1/customers", #"{"name":"Old"}"#, headers: ["Idempotency-Key: old"])
            let now = Int64(Date().timeIntervalSince1970)
            let purgedEarly = try await api.app.writeDirect { db in try IdempotencyStore.purgeExpired(db, now: now) }
            #expect(purgedEarly == 0)
            let purgedLater = try await api.app.writeDirect { db in try IdempotencyStore.purgeExpired(db, now: now + 24 * 3600 + 1) }
            #expect(purgedLater == 1)
        }
    }
}

@Suite struct Transport {
    @Test func gzipForLargeBodiesOnly() async throws {
        try await withAPI { api in
            for i in 1...20 { _ = try await api.call("POST", "/v1/customers", #"{"name":"Gzip customer number \#(i)"}"#) }
            let plain = try await api.call("GET", "/v1/customers")
            #expect(plain.raw.body.count > 1024)
            #expect(plain.header("content-encoding") == nil)
            let zipped = try await api.call("GET", "/v1/customers", headers: ["Accept-Encoding: br, gzip"])
            #expect(zipped.header("content-encoding") == "gzip")
            #expect(zipped.header("vary")?.contains("Accept-Encoding") == true)
            #expect(zipped.raw.body.count < plain.raw.body.count)
            #expect(Gzip.decompress(zipped.raw.body) == plain.raw.body)
            #expect(try await api.call("GET", "/v1/customers", headers: ["Accept-Encoding: gzip;q=0"]).header("content-encoding") == nil)
            let small = try await api.call("GET", "/healthz", key: nil, headers: ["Accept-Encoding: gzip"])
            #expect(small.header("content-encoding") == nil)
        }
    }

    @Test func requestIdIsEchoed() async throws {
        try await withAPI { api in
            let given = try await api.call("GET", "/v1/customers", headers: ["X-Request-Id: trace-42"])
            #expect(given.header("x-request-id") == "trace-42")
            let generated = try await api.call("GET", "/nope")
            #expect(generated.header("x-request-id")?.hasPrefix("req_") == true)
        }
    }

    @Test func rateLimitPerKey() async throws {
        // One request per 20 s: the burst below runs out however slowly this machine (or a
        // sanitizer build) answers; RateLimiterTests has the exact refill arithmetic.
        try await withAPI({ $0.rateLimit = 0.05 }) { api in
            // Keys made in the store, so making them spends no request of anyone's bucket.
            func storedKey() async throws -> String {
                let secret = APIKeys.generate()
                _ = try await api.app.database.writeAlone { db in
                    try APIKeyStore.create(db, name: "rate", role: .readonly, salesRepId: nil,
                                           hash: APIKeys.hash(secret), prefix: APIKeys.prefix(secret))
                }
                return secret
            }
            let key = try await storedKey(), other = try await storedKey()
            let port = api.port
            let replies = try await offPool { () -> [Reply] in
                let client = try RawClient(port: port)
                try client.send(String(repeating: "GET /v1/customers HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer \(key)\r\n\r\n", count: 10))
                return try (0..<10).map { _ in Reply(raw: try client.readResponse()) }
            }
            let statuses = replies.map(\.status)
            var retryAfter: String?
            for r in replies where r.status == 429 {
                retryAfter = r.header("retry-after")
                #expect(r.code == "rate_limited")
            }
            #expect(statuses == [200] + Array(repeating: 429, count: 9))
            #expect(retryAfter.flatMap { Int($0) }.map { (1...20).contains($0) } == true, "\(retryAfter ?? "none")")
            // Another key has its own bucket.
            #expect(try await api.call("GET", "/v1/customers", key: other).status == 200)
        }
    }

    @Test func corsPreflightAndHeaders() async throws {
        try await withAPI({ $0.corsOrigins = ["https://shop.example"] }) { api in
            let preflight = try await api.call("OPTIONS", "/v1/customers", key: nil,
                                               headers: ["Origin: https://shop.example", "Access-Control-Request-Method: POST"])
            #expect(preflight.status == 204)
            #expect(preflight.header("access-control-allow-origin") == "https://shop.example")
            #expect(preflight.header("access-control-allow-methods") == "GET, HEAD, POST")
            #expect(preflight.header("access-control-allow-headers")?.contains("Idempotency-Key") == true)
            let denied = try await api.call("OPTIONS", "/v1/customers", key: nil,
                                            headers: ["Origin: https://evil.example", "Access-Control-Request-Method: POST"])
            #expect(denied.header("access-control-allow-origin") == nil)
            let normal = try await api.call("GET", "/v1/customers", headers: ["Origin: https://shop.example"])
            #expect(normal.header("access-control-allow-origin") == "https://shop.example")
            #expect(normal.header("access-control-expose-headers")?.contains("ETag") == true)
        }
    }

    @Test func httpLayerErrorsAreProblemJSON() async throws {
        try await withAPI { api in
            let port = api.port
            let replies = try await offPool { () -> [RawResponse] in
                var out: [RawResponse] = []
                for request in ["GET /v1/customers HTTP/1.1\nHost: x\r\n\r\n",
                                "GET /v1/customers HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "a", count: 17_000) + "\r\n\r\n",
                                "POST /v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n"] {
                    let client = try RawClient(port: port)
                    try client.send(request)
                    out.append(try client.readResponse())
                }
                return out
            }
            #expect(replies.map(\.status) == [400, 431, 413])
            #expect(replies.allSatisfy { $0.headers["content-type"] == "application/problem+json" })
            #expect(replies[2].bodyText.contains(#""code":"payload_too_large""#))
            let notFound = try await api.call("GET", "/v1/nothing")
            #expect(notFound.status == 404)
            #expect(notFound.code == "not_found")
            let notAllowed = try await api.call("PUT", "/v1/customers")
            #expect(notAllowed.status == 405)
            #expect(notAllowed.header("allow") == "GET, HEAD, POST")
        }
    }
}

@Suite struct Readiness {
    /// /readyz is 503 unavailable until every migration is applied (issue 3 item 4).
    @Test func notReadyBeforeMigrations() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sales-ready-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = try SalesDatabase(path: dir.appendingPathComponent("s.sqlite").path, durability: .normal)
        var http = HTTPServerConfiguration()
        http.port = 0
        let app = APIContext(database: database, configuration: SalesAPIConfiguration())
        let server = HTTPServer(configuration: http, responder: APIResponder(context: app))
        try server.start()
        let port = server.port
        let before = try await offPool { try RawClient(port: port).request("GET", "/readyz") }
        #expect(before.status == 503)
        #expect(before.bodyText.contains(#""code":"unavailable""#))
        #expect(before.bodyText.contains("0001_foundation"))
        try database.migrate()
        let after = try await offPool { try RawClient(port: port).request("GET", "/readyz") }
        #expect(after.status == 200)
        await server.shutdownGracefully()
    }
}
