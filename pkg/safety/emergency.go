package safety

// emergencyNumbers are the general emergency numbers of the countries the
// helpline list covers, by ISO 3166 code. They are long-standing public
// numbers; where a country has several, the one for ambulance and police
// together, or the one most people know, is given.
var emergencyNumbers = map[string]string{
	"AR": "911", "AU": "000", "BE": "112", "BR": "192", "CA": "911", "DE": "112", "ES": "112", "FI": "112",
	"FR": "112", "GB": "999", "HK": "999", "IE": "112", "IN": "112", "IT": "112", "JP": "119", "KE": "999",
	"KR": "119", "MX": "911", "NG": "112", "NL": "112", "NO": "113", "NZ": "111", "PH": "911", "SE": "112",
	"SG": "995", "US": "911", "ZA": "112",
}

// EmergencyNumber is the emergency number of the country with code, or ""
// when Hearth does not know it (then say "your local emergency number").
func EmergencyNumber(code string) string { return emergencyNumbers[code] }
