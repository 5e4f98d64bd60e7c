package match

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/idna"
)

func TestNormalizeDomainCases(t *testing.T) {
	tests := []struct {
		input string
		want  string
	}{
		{"https://user:secret@www.Example.co.uk:8443/path?q=1#frag", "example.co.uk"},
		{"//cdn.example.co.uk/x.js", "example.co.uk"},
		{"WWW.Example.CO.UK.", "example.co.uk"},
		{"shop-one.myshopify.com", "shop-one.myshopify.com"},
		{"shop-two.myshopify.com", "shop-two.myshopify.com"},
		{"test.公司.cn", "test.xn--55qx5d.cn"},
		{"test.xn--55qx5d.cn", "test.xn--55qx5d.cn"},
		{"https://TEST.公司.CN/", "test.xn--55qx5d.cn"},
		{"www.example.uk.com", "example.uk.com"},
		{"team.example.co.no", "example.co.no"},
		{"foo.example.com.de", "example.com.de"},
		{"Test.XN--P1AI", "test.xn--p1ai"},
		{"example.com.", "example.com"},
		{"mailto:jane@gmail.com", "gmail.com"},
		{"Jane Doe <JANE@GMAIL.COM>", "gmail.com"},
		{"  jane@Gmail.com  ", "gmail.com"},
		{`"Doe, Jane <CEO>" <jane@Example.com>`, "example.com"},
		{"example.com/deals", "example.com"},
		{"www.example.com:8080", "example.com"},
		{"www.example.com。", "example.com"},
		{"www．example．com", "example.com"},
		{"http://www.example.com｡/", "example.com"},
	}
	for _, tt := range tests {
		got, err := NormalizeDomain(tt.input)
		if assert.NoError(t, err, tt.input) {
			assert.Equal(t, tt.want, got, tt.input)
		}
	}
}

func TestNormalizeDomainErrors(t *testing.T) {
	tests := []struct {
		input string
		want  error
	}{
		{"", ErrEmpty},
		{"   ", ErrEmpty},
		{"n/a", ErrEmpty},
		{"None", ErrEmpty},
		{"-", ErrEmpty},
		{"http://", ErrEmpty},
		{"http://192.168.0.1:8080/", ErrIPAddress},
		{"203.0.113.10", ErrIPAddress},
		{"https://[2001:db8::1]/", ErrIPAddress},
		{"2001:db8::1", ErrIPAddress},
		{"co.uk", ErrPublicSuffix},
		{"co.uk/deals", ErrPublicSuffix},
		{"co.uk:8081", ErrPublicSuffix},
		{"gov.uk", ErrPublicSuffix},
		{"mg.gov.br", ErrPublicSuffix},
		{"github.io", ErrPublicSuffix},
		{"example..com", ErrInvalidHost},
		{".com.au", ErrInvalidHost},
		{"localhost", ErrNonPublicName},
		{"http://localhost:3000/", ErrNonPublicName},
		{"printer.local", ErrNonPublicName},
		{"intranet", ErrNonPublicName},
		{strings.Repeat("a", 1<<20), ErrInputTooLong},
	}
	for _, tt := range tests {
		_, err := NormalizeDomain(tt.input)
		assert.ErrorIs(t, err, tt.want, "%.40q", tt.input)
	}
}

func TestErrorMessageShowsInput(t *testing.T) {
	_, err := NormalizeDomain("co.uk/deals")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"co.uk/deals"`)
}

// readPSLTestVectors reads tests.txt: "input expected" per line, "null" for
// no registrable domain.
func readPSLTestVectors(t *testing.T, path string) [][2]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var cases [][2]string
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		input, want, ok := strings.Cut(line, " ")
		require.True(t, ok, line)
		cases = append(cases, [2]string{input, want})
	}
	require.NoError(t, scanner.Err())
	return cases
}

// readCheckPublicSuffixCalls reads test_psl.txt, whose lines are
// checkPublicSuffix('input', 'expected'); calls with null for no value.
func readCheckPublicSuffixCalls(t *testing.T, path string) [][2]string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var cases [][2]string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		args, ok := strings.CutPrefix(line, "checkPublicSuffix(")
		if !ok {
			continue
		}
		args = strings.TrimSuffix(args, ");")
		input, want, ok := strings.Cut(args, ", ")
		require.True(t, ok, line)
		cases = append(cases, [2]string{strings.Trim(input, "'"), strings.Trim(want, "'")})
	}
	return cases
}

// checkPSLVector runs one official vector. The vectors write Unicode input
// and output in Unicode, so the expected value is converted to A-labels.
func checkPSLVector(t *testing.T, input, want string) {
	t.Helper()
	got, err := NormalizeDomain(input)
	if input == "null" || want == "null" {
		assert.Error(t, err, "%q", input)
		return
	}
	wantASCII, err2 := idna.Lookup.ToASCII(want)
	require.NoError(t, err2)
	if assert.NoError(t, err, "%q", input) {
		assert.Equal(t, wantASCII, got, "%q", input)
	}
}

func TestNormalizeDomainPSLTestsTxt(t *testing.T) {
	cases := readPSLTestVectors(t, "../testdata/publicsuffix-list-tests/tests.txt")
	require.Len(t, cases, 78)
	for _, c := range cases {
		checkPSLVector(t, c[0], c[1])
	}
}

func TestNormalizeDomainPSLTestPSLTxt(t *testing.T) {
	cases := readCheckPublicSuffixCalls(t, "../testdata/publicsuffix-list-tests/test_psl.txt")
	require.Len(t, cases, 78)
	for _, c := range cases {
		checkPSLVector(t, c[0], c[1])
	}
}

func TestIsFreeMailCases(t *testing.T) {
	for _, input := range []string{
		"Jane Doe <JANE@GMAIL.COM>",
		"  jane@Gmail.com  ",
		"mailto:jane@gmail.com",
		"jane@googlemail.com",
		"jane@hotmail.co.uk",
		"jane@yahoo.co.jp",
		"jane@icloud.com",
	} {
		assert.True(t, IsFreeMail(input), input)
	}
	for _, input := range []string{"jane@example.com", "example.com", "", "n/a", "co.uk"} {
		assert.False(t, IsFreeMail(input), input)
	}
}

func TestParseDomainErrorsAreDistinct(t *testing.T) {
	sentinels := []error{ErrEmpty, ErrIPAddress, ErrNonPublicName, ErrPublicSuffix, ErrInvalidHost, ErrInputTooLong}
	for i, a := range sentinels {
		for j, b := range sentinels {
			assert.Equal(t, i == j, errors.Is(a, b), "%v vs %v", a, b)
		}
	}
}
