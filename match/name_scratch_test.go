package match

import "testing"

func TestScratchTry(t *testing.T) {
	for _, s := range []string{"PT Bank Central Asia Tbk", "OOO Gazprom", "SIA Latvijas Gāze", "S.C. Foo Bar S.R.L.", "Grupo Bimbo, S.A.B. de C.V.", "Foo S.A. de C.V.", "Example S. de R.L. de C.V.",
		"ACME WIDGETS INC \\DE\\", "Acme Widgets GmbH & Co. KG", "The Acme Widgets Company", "GmbH", "The Company", "Limited", "Co.", "Inc. Ltd",
		"Türk Telekomünikasyon A.Ş.", "TÜRK TELEKOMÜNİKASYON", "DIŞ TİCARET", "Øresund Æble Œuvre Straße Đorđe", "ﬁnance ﬂow", "Ｔｏｙｏｔａ　Ｍｏｔｏｒ", "Газпром нефть ПАО", "Ελληνικά Πετρέλαια Α.Ε.", "ΟΤΕ Α.Ε.",
		"阿里巴巴集团控股有限公司", "삼성전자 주식회사", "주식회사 카카오", "株式会社 日立製作所", "ソニーグループ株式会社", "(株)トヨタ", "㈱トヨタ",
		"Acme Intl", "Acme International", "Acme Mfg Co", "Acme Manufacturing Company", "Acme Svcs", "Smith Bros", "First Natl Bank", "Acme Grp", "Acme Hldgs", "Acme Mgmt", "Acme Sys", "Acme Tech", "Acme Assoc",
		"n/a", "N/A", "none", "-", "unknown", "test", "self-employed", "Self Employed", "student", "private", "gmail.com", "yahoo.co.uk", "example.com",
		"Sunrise Bakery trading as Sunny's", "Acme aka Acme Widgets", "Foo Corp (formerly Bar Inc)", "Acme Ltd formerly known as Widgets Ltd", "Acme Corp, a division of Globex", "Incognito Ltd", "Coinbase", "Costco Wholesale Corp", "Bank of America, N.A.",
		"AB Volvo", "A B Electrolux", "A/S Steamship Company Torm", "As Good As New", "Foo (Pty) Ltd", "Nokia Oyj", "Siemens Aktiengesellschaft", "Société Générale S.A.", "Banco Santander, S.A.", "McDonald's Corp", "O'Reilly", "Johnson & Johnson", "Procter & Gamble Co", "S&P Global Inc.", "Foo Inc (Delaware)", "Tata Consultancy Services Limited (TCS)", "Toyota Motor Corporation (Japan)", "A", "&", "The", "The The", "Ab"} {
		n := ParseName(s)
		t.Logf("%q -> %q | disp %q forms %v trade %v %v q %v a %v ph %v", s, NormalizeName(s), n.Display, n.LegalForms, n.TradeNames, n.TradeDisplays, n.Qualifiers, n.Annotations, n.Placeholder)
	}
}
