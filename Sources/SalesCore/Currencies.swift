/// ISO 4217 currency codes with their minor units (list one of the standard, 2025): the codes
/// the API accepts (docs/api.md §1 "money"). Amounts are integers in the minor unit: 1 USD is
/// 100, 1 JPY is 1, 1 KWD is 1000. Codes without a minor unit (gold, SDR, test codes) and
/// withdrawn ones (HRK, CUC, VEF) are not money here.
public enum Currencies {
    /// Code → digits of the minor unit.
    public static let minorUnits: [String: Int] = {
        var table: [String: Int] = [:]
        let groups: [(Int, String)] = [
            (0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"),
            (3, "BHD IQD JOD KWD LYD OMR TND"),
            (4, "CLF UYW"),
            (2, """
                AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW
                CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS
                INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN
                NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN
                SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL
                """),
        ]
        for (digits, codes) in groups {
            for code in codes.split(whereSeparator: { $0 == " " || $0 == "\n" }) { table[String(code)] = digits }
        }
        return table
    }()

    public static func isKnown(_ code: String) -> Bool { minorUnits[code] != nil }
}
