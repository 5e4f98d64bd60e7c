package match

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeNameCases(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		// Ampersand, a leading "The" and stacked legal forms.
		{"Acme Widgets & Co.", "acme widgets"},
		{"Acme Widgets and Company", "acme widgets"},
		{"Acme Widgets", "acme widgets"},
		{"Marlow & Finch Ltd", "marlow and finch"},
		{"The Acme Widgets, Inc.", "acme widgets"},
		{"THE ACME WIDGETS INC", "acme widgets"},
		{"Capital Partners", "capital partners"},
		{"Capital Partners LP", "capital partners"},
		{"ACME WIDGETS INC /DE/", "acme widgets"},
		{"The Acme Widgets Company", "acme widgets"},
		{"Acme Widgets GmbH & Co. KG", "acme widgets"},
		{"Hello World Co. Ltd", "hello world"},
		{"Example Pty Limited", "example"},
		{"Example GmbH & Co. KG", "example"},
		{"Example spol. s r.o.", "example"},
		{"Example Holdings l.p.", "example holdings"},
		{"Example S.A. de C.V.", "example"},
		{"Example S. de R.L. de C.V.", "example"},
		{"Example Co., Ltd.", "example"},
		{"Example Pte. Ltd.", "example"},
		{"Example Sdn. Bhd.", "example"},
		{"Example S.p.A.", "example"},
		{"Example AG & Co. KGaA", "example"},
		{"Example B.V.", "example"},
		{"Example d.o.o.", "example"},
		{"Example Oy Ab", "example"},
		{"Example Ltda.", "example"},
		{"Example Limited Liability Company", "example"},
		{"Example Company, Inc.", "example"},
		{"Example Public Company Limited", "example"},
		{"Example Ltd. Şti.", "example"},
		{"Example Anonim Şirketi", "example"},
		{"Example UG (haftungsbeschränkt)", "example"},
		{"Example Holding AG", "example holding"},
		{"Example (Pty) Ltd", "example"},
		{"Made As Ordered SA", "made as ordered"},
		{"Northwind A/S", "northwind"},
		{"Northwind AS", "northwind"},
		{"Nokia Oyj", "nokia"},
		{"Siemens Aktiengesellschaft", "siemens"},
		{"Banco Santander, S.A.", "banco santander"},
		// Polish forms with and without dots and spaces.
		{"Łódź Example Sp. z o.o.", "lodz example"},
		{"LODZ EXAMPLE SP Z O O", "lodz example"},
		{"Lodz Example sp. z o. o.", "lodz example"},
		{"Lodz Example Sp.z o.o.", "lodz example"},
		// Prefix forms.
		{"PT Bank Central Asia Tbk", "bank central asia"},
		{"OOO Gazprom", "gazprom"},
		{"ООО «Ромашка»", "romashka"},
		{"АО «Ромашка»", "romashka"},
		{"Ромашка АО", "romashka"},
		{"PT. Example", "example"},
		{"P.T. Example", "example"},
		{"CV. Example", "example"},
		{"UAB Example", "example"},
		{"SIA Latvijas Gāze", "latvijas gaze"},
		{"S.C. Example S.R.L.", "example"},
		{"AB Volvo", "volvo"},
		{"A/S Example Shipping", "example shipping"},
		{"As Good As New", "as good as new"},
		// Forms only in the middle or inside a word stay.
		{"Incognito Ltd", "incognito"},
		{"Coinbase", "coinbase"},
		{"Example Ltd Partners", "example ltd partners"},
		{"Costco Wholesale Corp", "costco wholesale"},
		// A name that is only a legal term keeps it.
		{"GmbH", "gmbh"},
		{"Limited", "limited"},
		{"Inc. Ltd", "inc"},
		{"The", "the"},
		// White space and format characters.
		{"\u200bAcme Widgets Ltd", "acme widgets"},
		{"Acme\u00a0Widgets Ltd", "acme widgets"},
		{"Acme\tWidgets Ltd", "acme widgets"},
		{"Acme\nWidgets Ltd", "acme widgets"},
		{"  Acme \u2003 Widgets\u00ad  Ltd ", "acme widgets"},
		{"Acme\u200dWidgets", "acmewidgets"},
		// Qualifiers stay, registry annotations go.
		{"Example Services (India) Pvt. Ltd.", "example services india"},
		{"Example Services (India)", "example services india"},
		{"Example Services (UK) Ltd", "example services uk"},
		{"Example Ltd (UK)", "example uk"},
		{"Example (HK) Co., Limited", "example hk"},
		{"Example Ltd (Acme Ltd)", "example ltd acme"},
		{"Example, The", "example"},
		{"Hartford (The)", "hartford"},
		{"Example AB (publ)", "example"},
		{"Example Corp /NEW/", "example"},
		{"Alphabet Inc. (Class A)", "alphabet"},
		{"Example Inc. [Class B Common Stock]", "example"},
		{"ACME WIDGETS INC \\DE\\", "acme widgets"},
		{"ACME WIDGETS CORP/DE", "acme widgets"},
		{"VERTEX PHARMACEUTICALS INC / MA", "vertex pharmaceuticals"},
		{"ACME HOLDINGS LTD/ADR", "acme holdings"},
		{"AC/DC Ltd", "ac dc"},
		// Unicode folding.
		{"Türk Telekomünikasyon A.Ş.", "turk telekomunikasyon"},
		{"TÜRK TELEKOMÜNİKASYON", "turk telekomunikasyon"},
		{"DIŞ TİCARET", "dis ticaret"},
		{"Øresund Æble Œuvre Straße Đorđe Łódź", "oresund aeble oeuvre strasse dorde lodz"},
		{"ﬁnance ﬂow", "finance flow"},
		{"Ｔｏｙｏｔａ\u3000Ｍｏｔｏｒ", "toyota motor"},
		{"Cafe\u0301 Ltd", "cafe"},
		{"Café Ltd", "cafe"},
		{"Газпром нефть ПАО", "gazprom neft"},
		{"ООО Ромашка", "romashka"},
		{"Ελληνικά Πετρέλαια Α.Ε.", "ellinika petrelaia"},
		{"阿里巴巴集团控股有限公司", "阿里巴巴集团控股"},
		{"ソニーグループ株式会社", "ソニーグループ"},
		{"株式会社 日立製作所", "日立製作所"},
		{"株式会社日立製作所", "日立製作所"},
		{"(株)トヨタ", "トヨタ"},
		{"㈱トヨタ", "トヨタ"},
		{"ﾄﾖﾀ", "トヨタ"},
		{"삼성전자 주식회사", "삼성전자"},
		{"주식회사 카카오", "카카오"},
		{"株式会社", "株式会社"},
		{"株式会社NTTドコモ", "ntt ドコモ"},
		{"株式会社 NTT ドコモ", "ntt ドコモ"},
		{"㍠", "8 点"},
		{"ㄱㅏ", "가"},
		{"ヿ", "コト"},
		// Initialisms and abbreviations.
		{"A.B.C. Co.", "abc"},
		{"A-B-C Company", "abc"},
		{"A B C Company", "abc"},
		{"ABC Co", "abc"},
		{"AT&T Inc.", "att"},
		{"Acme Intl Ltd", "acme"},
		{"Acme International Ltd", "acme"},
		{"Acme Intl Holdings", "acme international holdings"},
		{"Acme Mfg Co", "acme manufacturing"},
		{"Acme Manufacturing Company", "acme manufacturing"},
		{"Acme Svcs Inc", "acme services"},
		{"Smith Bros", "smith brothers"},
		{"First Natl Bank", "first national bank"},
		{"Acme Grp", "acme group"},
		{"Acme Hldgs Inc", "acme holdings"},
		{"Acme Mgmt", "acme management"},
		{"Acme Sys Corp", "acme systems"},
		{"Acme Corp Services", "acme corporation services"},
		{"Acme Tech", "acme tech"},
		{"Acme Assoc", "acme assoc"},
		{"McDonald's Corp", "mcdonalds"},
		{"O'Reilly Automotive", "oreilly automotive"},
		{"O REILLY AUTOMOTIVE INC", "oreilly automotive"},
		{"SMITH A O CORP", "ao smith"},
		{"A. O. Smith", "ao smith"},
		{"HORTON D R INC /DE/", "dr horton"},
		{"D. R. Horton", "dr horton"},
		{"BERKLEY W R CORP", "wr berkley"},
		{"W. R. Berkley Corporation", "wr berkley"},
		{"D ANGELO BROS", "dangelo brothers"},
		{"Fidelity D & D Bancorp", "fidelity d and d bancorp"},
		{"Amazon.com, Inc.", "amazon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, NormalizeName(tt.name))
		})
	}
}

func TestParseNameTradeNames(t *testing.T) {
	tests := []struct {
		name      string
		key       string
		trade     []string
		tradeText []string
	}{
		{"Example Holdings LLC d/b/a Sunrise Bakery", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings LLC DBA Sunrise Bakery", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings LLC dba Sunrise Bakery", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings Ltd t/a Sunrise Bakery", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings Ltd trading as Sunrise Bakery Ltd", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings aka Sunrise Bakery", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings, formerly Sunrise Bakery Inc.", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings Ltd (formerly known as Sunrise Bakery Ltd)", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Plc (fka Sunrise Bakery Plc)", "example", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Sunrise Bakery, a division of Example Holdings Ltd", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Sunrise Bakery (a division of Example Holdings Ltd)", "example holdings", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example Holdings LLC", "example holdings", nil, nil},
		{"DBA Holdings Inc", "dba holdings", nil, nil},
		{"Example Holdings dba", "example holdings dba", nil, nil},
		{"TA Associates", "ta associates", nil, nil},
		{"Example Pty Ltd ATF Example Family Trust", "example", []string{"example family trust"}, []string{"Example Family Trust"}},
		{"Example Pty Ltd as trustee for Example Family Trust", "example", []string{"example family trust"}, []string{"Example Family Trust"}},
		{"Example Inc. DBA: Sunrise Bakery", "example", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
		{"Example a/k/a Sunrise Bakery", "example", []string{"sunrise bakery"}, []string{"Sunrise Bakery"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := ParseName(tt.name)
			assert.Equal(t, tt.key, n.Key)
			assert.Equal(t, tt.key, NormalizeName(tt.name))
			assert.Equal(t, tt.trade, n.TradeNames)
			assert.Equal(t, tt.tradeText, n.TradeDisplays)
		})
	}
}

func TestParseNameTradeNamesMatchEitherPart(t *testing.T) {
	n := ParseName("Example Holdings LLC d/b/a Sunrise Bakery")
	assert.Equal(t, NormalizeName("Example Holdings, LLC"), n.Key)
	assert.Equal(t, NormalizeName("SUNRISE BAKERY"), n.TradeNames[0])
}

func TestParseNameFields(t *testing.T) {
	n := ParseName("The Acme Widgets (UK) Co. Ltd. (Class A) /DE/")
	assert.Equal(t, "The Acme Widgets (UK) Co. Ltd. (Class A) /DE/", n.Input)
	assert.Equal(t, "acme widgets uk", n.Key)
	assert.Equal(t, []string{"acme", "widgets", "uk"}, n.Tokens)
	assert.Equal(t, "Acme Widgets (UK)", n.Display)
	assert.Equal(t, []string{"UK"}, n.Qualifiers)
	assert.Equal(t, []string{"Class A", "/DE/"}, n.Annotations)
	require.Len(t, n.LegalForms, 1)
	assert.Equal(t, "Co. Ltd.", n.LegalForms[0].Text)
	assert.Equal(t, "co ltd", n.LegalForms[0].Key)
	assert.False(t, n.Placeholder)
}

func TestParseNameLegalFormCodes(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		code         string
		jurisdiction string
	}{
		{"Example GmbH", "GmbH", "2HBR", "DE"},
		{"Example Sp. z o.o.", "Sp. z o.o.", "O7XB", "PL"},
		{"Example Oyj", "Oyj", "K6VE", "FI"},
		{"PT Example Tbk", "Tbk", "AEZW", "ID"},
		{"Example Kabusikigaisya", "Kabusikigaisya", "T417", "JP"},
		{"ソニーグループ株式会社", "株式会社", "T417", "JP"},
		{"Example spol. s r.o.", "spol. s r.o.", "VSZS", "SK"},
		{"Example GmbH & Co. KG", "GmbH & Co. KG", "8Z6G", "DE"},
		{"Example S.A. de C.V.", "S.A. de C.V.", "JGV1", "MX"},
		{"Example Ltd", "Ltd", "4GJI", "GB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := ParseName(tt.name)
			require.NotEmpty(t, n.LegalForms)
			f := n.LegalForms[len(n.LegalForms)-1]
			assert.Equal(t, tt.text, f.Text)
			assert.Contains(t, f.Codes, ELFCode{Code: tt.code, Jurisdiction: tt.jurisdiction})
		})
	}
}

func TestParseNameDisplay(t *testing.T) {
	tests := []struct {
		name    string
		display string
	}{
		{"ACME WIDGETS INC /DE/", "ACME WIDGETS"},
		{"Acme Widgets, Inc.", "Acme Widgets"},
		{"A.B.C. Co.", "A.B.C."},
		{"Example Services (India) Pvt. Ltd.", "Example Services (India)"},
		{"\u200bAcme\u00a0 Widgets\tLtd", "Acme Widgets"},
		{"Ｔｏｙｏｔａ Ｍｏｔｏｒ", "Toyota Motor"},
		{"Газпром нефть ПАО", "Газпром нефть"},
		{"Example Holdings LLC d/b/a Sunrise Bakery", "Example Holdings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.display, ParseName(tt.name).Display)
		})
	}
}

func TestParseNamePlaceholders(t *testing.T) {
	placeholders := []string{
		"", " ", "n/a", "N/A", "NA", "none", "None", "-", "--", "?", "unknown", "Unknown", "test",
		"TEST", "self-employed", "Self Employed", "student", "private", "null", "gmail.com",
		"GMAIL.COM", "yahoo.co.uk", "hotmail.com", "0", "123", "Not Applicable", "Freelancer",
	}
	for _, name := range placeholders {
		t.Run(name, func(t *testing.T) {
			assert.True(t, ParseName(name).Placeholder)
		})
	}
	companies := []string{"Acme Widgets", "Private Equity Partners", "Test Automation Labs Ltd", "example.com", "None Such Ltd"}
	for _, name := range companies {
		t.Run(name, func(t *testing.T) {
			assert.False(t, ParseName(name).Placeholder)
		})
	}
}

// TestNormalizeNameKeyProperties checks on real names that keys are
// idempotent and hold only lower-case letters, digits and single spaces.
func TestNormalizeNameKeyProperties(t *testing.T) {
	names := loadSECTitles(t)
	names = append(names, loadForeignIssuerNames(t)...)
	for _, name := range names {
		key := NormalizeName(name)
		require.Equal(t, key, NormalizeName(key), "NormalizeName(%q) is not idempotent", name)
		require.True(t, isValidNameKey(key), "NormalizeName(%q) = %q has upper case, punctuation or extra spaces", name, key)
		require.NotEmpty(t, key, "NormalizeName(%q) is empty", name)
	}
}

// TestParseNameMatchesNormalizeName checks that ParseName and NormalizeName
// agree on real names.
func TestParseNameMatchesNormalizeName(t *testing.T) {
	for _, name := range loadForeignIssuerNames(t) {
		require.Equal(t, NormalizeName(name), ParseName(name).Key, name)
	}
}

// loadForeignIssuerNames returns the 2002 SEC list of foreign private
// issuers from testdata/cleanco-terms, rich in non-US legal forms.
func loadForeignIssuerNames(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("../testdata/cleanco-terms/sec_foreign_issuers_2002.csv")
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	names := make([]string, 0, len(rows))
	for _, row := range rows {
		names = append(names, row[0])
	}
	return names
}

func TestNormalizeNameForeignIssuers(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"A B Electrolux", "electrolux"},
		{"ABN Amro Holding N.V.", "abn amro holding"},
		{"Aber Diamond Ltd.", "aber diamond"},
		{"Acindar Industria Argentina de Aceros S.A.", "acindar industria argentina de aceros"},
		{"A/S Steamship Company Torm", "steamship company torm"},
		{"ABB Ltd.", "abb"},
		{"Abbey National plc", "abbey national"},
	}
	names := loadForeignIssuerNames(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, names, tt.name)
			assert.Equal(t, tt.want, NormalizeName(tt.name))
		})
	}
}

func isValidNameKey(key string) bool {
	if key != strings.TrimSpace(key) || strings.Contains(key, "  ") {
		return false
	}
	for _, r := range key {
		if r != ' ' && !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return false
		}
	}
	return true
}

// TestNormalizeNameLongInput checks that 1 MB names of repeated words,
// forms, initials, brackets, tags, ampersands, CJK forms and trade-name
// markers return in linear time. Such names take well under a second on an
// idle machine, while a quadratic step would take minutes, so the generous
// limit holds on a loaded machine and under the race detector.
func TestNormalizeNameLongInput(t *testing.T) {
	limit := 15 * time.Second
	if nameRaceEnabled {
		limit = 2 * time.Minute
	}
	const size = 1 << 20
	inputs := map[string]string{
		"words":     strings.Repeat("Acme Widgets ", size/13) + "Ltd",
		"forms":     strings.Repeat("Ltd ", size/4),
		"initials":  strings.Repeat("A.", size/2),
		"brackets":  strings.Repeat("(", size/2) + strings.Repeat(")", size/2),
		"slashes":   strings.Repeat("/DE", size/3),
		"ampersand": strings.Repeat("A&", size/2),
		"cjk":       strings.Repeat("株式会社", size/12),
		"markers":   strings.Repeat("Acme dba ", size/9),
	}
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			key := NormalizeName(input)
			ParseName(input)
			assert.Less(t, time.Since(start), limit)
			assert.True(t, key == NormalizeName(key), "the key of a long %s name is not idempotent", name)
		})
	}
}

// TestNormalizeNameAbbreviationsStable checks that a spelled-out
// abbreviation never becomes a word that normalizing the key again would
// strip, such as a legal form or a descriptor.
func TestNormalizeNameAbbreviationsStable(t *testing.T) {
	abbreviations := []string{
		"intl", "corp", "mfg", "mfrs", "svc", "svcs", "bros", "natl", "finl", "grp", "hldg",
		"hldgs", "mgmt", "sys", "inds", "assn", "cos", "ctr", "lab", "labs", "dept",
	}
	for _, abbreviation := range abbreviations {
		for _, name := range []string{"Acme " + abbreviation, abbreviation + " Acme", "Acme " + abbreviation + " Ltd"} {
			key := NormalizeName(name)
			assert.Equal(t, key, NormalizeName(key), name)
		}
	}
}

// TestNormalizeNameAllocations checks that the buffers stay on the stack,
// so a call allocates only the returned key.
func TestNormalizeNameAllocations(t *testing.T) {
	if nameRaceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	for _, name := range []string{"ACME WIDGETS INC /DE/", "Łódź Example Sp. z o.o.", "ソニーグループ株式会社", "SMITH A O CORP"} {
		allocs := testing.AllocsPerRun(100, func() { NormalizeName(name) })
		assert.LessOrEqual(t, allocs, 1.0, name)
	}
}
