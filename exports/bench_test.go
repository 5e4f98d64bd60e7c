package exports

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// benchExport returns a Salesforce Data Loader account export of n rows.
func benchExport(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\"Id\",\"Name\",\"Website\",\"BillingCountry\",\"OwnerId\",\"CreatedDate\"\r\n")
	for i := range n {
		fmt.Fprintf(&b, "\"001Ak%010dAAA\",\"Northwind Traders %d, Inc.\",\"https://www.northwind%d.example/\",\"DE\",\"005Ak000000%04dAAA\",\"2023-04-11T09:12:44.000Z\"\r\n", i, i, i, i%1000)
	}
	return b.Bytes()
}

func benchmarkRead(b *testing.B, data []byte, rows int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Read(bytes.NewReader(data), Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != rows {
			b.Fatalf("read %d rows, want %d", n, rows)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkReadUTF8(b *testing.B) {
	const rows = 100_000
	benchmarkRead(b, benchExport(rows), rows)
}

func BenchmarkReadUTF16(b *testing.B) {
	const rows = 100_000
	encoded, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(benchExport(rows))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkRead(b, encoded, rows)
}

func BenchmarkReadJSONLines(b *testing.B) {
	const rows = 100_000
	var buf bytes.Buffer
	for i := range rows {
		fmt.Fprintf(&buf, `{"Id": "001Ak%010dAAA", "Name": "Northwind Traders %d, Inc.", "Website": "northwind%d.example", "BillingCountry": "DE"}`+"\n", i, i, i)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range ReadJSONLines(bytes.NewReader(data), Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != rows {
			b.Fatalf("read %d rows, want %d", n, rows)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkCSVWriter(b *testing.B) {
	row := []string{"001Ak0000000001AAA", "=Northwind Traders", "northwind.example", "match", "0.9876"}
	w := NewCSVWriter(io.Discard)
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(row); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
}
