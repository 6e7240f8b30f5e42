/// How numbers are dialled inside one region: what ``PhoneNumber`` needs to turn a national
/// number into E.164.
struct CallingRegion: Sendable, Hashable {
    /// The country calling code, digits only (`"44"`).
    var callingCode: String
    /// The national trunk prefix dropped in international form (`"0"` in `07700 900123`), if any.
    var trunkPrefix: String?
    /// The prefix dialled before an international number (`"011"` in the US), besides `00`.
    var internationalPrefix: String

    init(_ callingCode: String, trunk: String? = "0", international: String = "00") {
        self.callingCode = callingCode
        self.trunkPrefix = trunk
        self.internationalPrefix = international
    }

    /// The region for an ISO 3166-1 alpha-2 code (`"GB"`, case-insensitive), if it is in the table.
    static func named(_ code: String) -> CallingRegion? {
        table[code.uppercased()]
    }

    /// A North American Numbering Plan region: calling code 1, trunk prefix 1, 10-digit numbers.
    private static let nanp = CallingRegion("1", trunk: "1", international: "011")

    /// Regions by ISO alpha-2 code. A region without a trunk prefix (`nil`) keeps every digit of a
    /// national number; Italy and San Marino keep their leading 0 in international form.
    static let table: [String: CallingRegion] = [
        // North America and the Caribbean (NANP)
        "US": nanp, "CA": nanp, "PR": nanp, "VI": nanp, "GU": nanp, "AS": nanp, "MP": nanp,
        "DO": nanp, "JM": nanp, "TT": nanp, "BS": nanp, "BB": nanp, "BM": nanp, "KY": nanp,
        "AG": nanp, "LC": nanp, "GD": nanp, "VC": nanp, "KN": nanp, "DM": nanp, "TC": nanp,
        "VG": nanp, "AI": nanp, "MS": nanp, "SX": nanp,
        // Latin America
        "MX": CallingRegion("52", trunk: nil), "BR": CallingRegion("55"), "AR": CallingRegion("54"),
        "CL": CallingRegion("56", trunk: nil), "CO": CallingRegion("57", trunk: nil), "PE": CallingRegion("51"),
        "VE": CallingRegion("58"), "EC": CallingRegion("593"), "UY": CallingRegion("598"),
        "PY": CallingRegion("595"), "BO": CallingRegion("591"), "CR": CallingRegion("506", trunk: nil),
        "PA": CallingRegion("507", trunk: nil), "GT": CallingRegion("502", trunk: nil),
        "SV": CallingRegion("503", trunk: nil), "HN": CallingRegion("504", trunk: nil),
        "NI": CallingRegion("505", trunk: nil), "CU": CallingRegion("53"),
        // Europe
        "GB": CallingRegion("44"), "IE": CallingRegion("353"), "FR": CallingRegion("33"),
        "DE": CallingRegion("49"), "AT": CallingRegion("43"), "CH": CallingRegion("41"),
        "LI": CallingRegion("423", trunk: nil), "NL": CallingRegion("31"), "BE": CallingRegion("32"),
        "LU": CallingRegion("352", trunk: nil), "DK": CallingRegion("45", trunk: nil),
        "NO": CallingRegion("47", trunk: nil), "SE": CallingRegion("46"), "FI": CallingRegion("358"),
        "IS": CallingRegion("354", trunk: nil), "ES": CallingRegion("34", trunk: nil),
        "PT": CallingRegion("351", trunk: nil), "IT": CallingRegion("39", trunk: nil),
        "SM": CallingRegion("378", trunk: nil), "MT": CallingRegion("356", trunk: nil),
        "GR": CallingRegion("30", trunk: nil), "CY": CallingRegion("357", trunk: nil),
        "PL": CallingRegion("48", trunk: nil), "CZ": CallingRegion("420", trunk: nil),
        "SK": CallingRegion("421"), "HU": CallingRegion("36", trunk: "06"), "RO": CallingRegion("40"),
        "BG": CallingRegion("359"), "HR": CallingRegion("385"), "SI": CallingRegion("386"),
        "RS": CallingRegion("381"), "BA": CallingRegion("387"), "ME": CallingRegion("382"),
        "MK": CallingRegion("389"), "AL": CallingRegion("355"), "EE": CallingRegion("372", trunk: nil),
        "LV": CallingRegion("371", trunk: nil), "UA": CallingRegion("380"), "MD": CallingRegion("373"),
        "BY": CallingRegion("375", trunk: "8", international: "810"),
        "RU": CallingRegion("7", trunk: "8", international: "810"),
        "KZ": CallingRegion("7", trunk: "8", international: "810"),
        "GE": CallingRegion("995"), "AM": CallingRegion("374"), "AZ": CallingRegion("994"),
        "TR": CallingRegion("90"),
        // Middle East
        "IL": CallingRegion("972"), "AE": CallingRegion("971"), "SA": CallingRegion("966"),
        "QA": CallingRegion("974", trunk: nil), "KW": CallingRegion("965", trunk: nil),
        "BH": CallingRegion("973", trunk: nil), "OM": CallingRegion("968", trunk: nil),
        "JO": CallingRegion("962"), "LB": CallingRegion("961"), "IQ": CallingRegion("964"),
        "IR": CallingRegion("98"),
        // Asia
        "IN": CallingRegion("91"), "PK": CallingRegion("92"), "BD": CallingRegion("880"),
        "LK": CallingRegion("94"), "NP": CallingRegion("977"), "CN": CallingRegion("86"),
        "HK": CallingRegion("852", trunk: nil), "MO": CallingRegion("853", trunk: nil),
        "TW": CallingRegion("886"), "JP": CallingRegion("81", international: "010"),
        "KR": CallingRegion("82"), "SG": CallingRegion("65", trunk: nil), "MY": CallingRegion("60"),
        "ID": CallingRegion("62"), "TH": CallingRegion("66"), "VN": CallingRegion("84"),
        "PH": CallingRegion("63"), "KH": CallingRegion("855"), "MM": CallingRegion("95"),
        // Oceania
        "AU": CallingRegion("61", international: "0011"), "NZ": CallingRegion("64"),
        "FJ": CallingRegion("679", trunk: nil), "PG": CallingRegion("675", trunk: nil),
        // Africa
        "ZA": CallingRegion("27"), "NG": CallingRegion("234"), "KE": CallingRegion("254"),
        "GH": CallingRegion("233"), "EG": CallingRegion("20"), "MA": CallingRegion("212"),
        "DZ": CallingRegion("213"), "TN": CallingRegion("216", trunk: nil), "ET": CallingRegion("251"),
        "TZ": CallingRegion("255"), "UG": CallingRegion("256"), "RW": CallingRegion("250", trunk: nil),
        "SN": CallingRegion("221", trunk: nil), "CI": CallingRegion("225", trunk: nil),
        "CM": CallingRegion("237", trunk: nil), "ZW": CallingRegion("263"), "ZM": CallingRegion("260"),
        "AO": CallingRegion("244", trunk: nil), "MZ": CallingRegion("258", trunk: nil),
    ]
}
