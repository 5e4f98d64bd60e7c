package exports

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzRead(f *testing.F) {
	f.Add([]byte("Account ID,Account Name,Website\n1,Acme,acme.example\n"))
	f.Add([]byte("\xff\xfeI\x00d\x00,\x00N\x00a\x00m\x00e\x00\n\x001\x00,\x00A\x00"))
	f.Add([]byte("Id;Email Address;Company Name\n1;a@b.example;Soci\xe9t\xe9\n"))
	f.Add([]byte("Id,WhoId,AccountId,ActivityDate\n\"1,2\n\n\"Total\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows := 0
		for rec, err := range Read(bytes.NewReader(data), Options{MaxRowBytes: 8 << 10}) {
			rows++
			if rows > len(data)+1 {
				t.Fatalf("more rows (%d) than input bytes (%d)", rows, len(data))
			}
			if err != nil {
				var rowErr *Error
				if !errors.As(err, &rowErr) {
					t.Fatalf("error %v is not an *Error", err)
				}
				continue
			}
			for h, v := range rec.All() {
				if !utf8.ValidString(h) || !utf8.ValidString(v) {
					t.Fatalf("invalid UTF-8 in column %q value %q", h, v)
				}
			}
			_, _ = rec.Touchpoint(TouchOptions{})
		}
	})
}

func FuzzReadJSONLines(f *testing.F) {
	f.Add([]byte(`{"hs_object_id":"1","email":"a@b.example","company":"Acme"}` + "\n"))
	f.Add([]byte(`{"Account ID":1,"Account Name":null}` + "\n[]\n{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for rec, err := range ReadJSONLines(bytes.NewReader(data), Options{MaxRowBytes: 8 << 10}) {
			if err != nil {
				var rowErr *Error
				if !errors.As(err, &rowErr) {
					t.Fatalf("error %v is not an *Error", err)
				}
				continue
			}
			_ = rec.Get(FieldName)
		}
	})
}

func FuzzParseColumnMap(f *testing.F) {
	f.Add("name=Account Name,website=Website")
	f.Add("id=,=x")
	f.Fuzz(func(t *testing.T, spec string) {
		columns, err := ParseColumnMap(spec)
		if err != nil {
			return
		}
		for field, header := range columns {
			if field >= fieldCount || strings.TrimSpace(header) == "" {
				t.Fatalf("invalid mapping %v=%q from %q", field, header, spec)
			}
		}
	})
}

func FuzzEscapeFormula(f *testing.F) {
	f.Add("=1+1")
	f.Add("-12.5")
	f.Fuzz(func(t *testing.T, cell string) {
		got := EscapeFormula(cell)
		if got != cell && got != "'"+cell {
			t.Fatalf("EscapeFormula(%q) = %q", cell, got)
		}
		if got != "" && startsFormula(got) && got == cell && !isNumber(cell) {
			t.Fatalf("EscapeFormula(%q) left a formula", cell)
		}
	})
}

func isNumber(s string) bool {
	return EscapeFormula(s) == s
}
