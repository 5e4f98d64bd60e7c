package exports

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding is the character encoding of an export file.
type Encoding uint8

// The supported encodings. EncodingAuto detects the encoding: a
// byte-order mark decides when present, then UTF-16 is recognised by its
// zero bytes, then valid UTF-8 is read as UTF-8 and anything else as
// Windows-1252.
const (
	EncodingAuto Encoding = iota
	UTF8
	UTF16LE
	UTF16BE
	Windows1252
	encodingCount
)

var encodingNames = [encodingCount]string{"auto", "utf-8", "utf-16le", "utf-16be", "windows-1252"}

// String returns the encoding's name, such as "utf-8", as ParseEncoding
// accepts it.
func (e Encoding) String() string {
	if e < encodingCount {
		return encodingNames[e]
	}
	return fmt.Sprintf("Encoding(%d)", uint8(e))
}

// ParseEncoding parses an encoding name as String returns it, ignoring
// case. "" gives EncodingAuto, and "cp1252" is accepted for Windows-1252.
func ParseEncoding(name string) (Encoding, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	switch name {
	case "":
		return EncodingAuto, nil
	case "utf8":
		return UTF8, nil
	case "cp1252":
		return Windows1252, nil
	}
	for e := EncodingAuto; e < encodingCount; e++ {
		if encodingNames[e] == name {
			return e, nil
		}
	}
	return EncodingAuto, fmt.Errorf("unknown encoding %q; use one of %s", name, strings.Join(encodingNames[:], ", "))
}

// sniffBytes is how much of the input detection looks at. A file whose
// first non-ASCII byte comes later is read as UTF-8, and an invalid
// sequence there is reported with its line.
const sniffBytes = 64 << 10

// decodeUTF8 returns a reader of the input's text as UTF-8 without a
// byte-order mark, and the encoding it was read in.
func decodeUTF8(r io.Reader, enc Encoding) (io.Reader, Encoding, error) {
	if enc >= encodingCount {
		return nil, enc, fmt.Errorf("invalid encoding %d", enc)
	}
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && err != io.EOF {
		return nil, enc, fmt.Errorf("read: %w", err)
	}
	if enc == EncodingAuto {
		enc = sniffEncoding(head)
	}
	switch enc {
	case UTF16LE:
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()), enc, nil
	case UTF16BE:
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()), enc, nil
	case Windows1252:
		return transform.NewReader(br, charmap.Windows1252.NewDecoder()), enc, nil
	}
	if strings.HasPrefix(string(head[:min(len(head), 3)]), "\uFEFF") {
		if _, err := br.Discard(3); err != nil {
			return nil, enc, fmt.Errorf("read: %w", err)
		}
	}
	return br, UTF8, nil
}

func sniffEncoding(head []byte) Encoding {
	switch {
	case len(head) >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF:
		return UTF8
	case len(head) >= 2 && head[0] == 0xFF && head[1] == 0xFE:
		return UTF16LE
	case len(head) >= 2 && head[0] == 0xFE && head[1] == 0xFF:
		return UTF16BE
	}
	if enc, ok := sniffUTF16(head); ok {
		return enc
	}
	if utf8.Valid(trimPartialRune(head)) {
		return UTF8
	}
	return Windows1252
}

// sniffUTF16 recognises UTF-16 text without a byte-order mark by its
// zero bytes: CSV headers are mostly ASCII, which UTF-16 writes as one
// zero byte and one ASCII byte.
func sniffUTF16(head []byte) (Encoding, bool) {
	n := min(len(head), 512) &^ 1
	if n < 4 {
		return EncodingAuto, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if head[i] == 0 {
			zeroEven++
		}
		if head[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*2 > pairs && zeroEven == 0:
		return UTF16LE, true
	case zeroEven*2 > pairs && zeroOdd == 0:
		return UTF16BE, true
	}
	return EncodingAuto, false
}

// trimPartialRune cuts an incomplete UTF-8 sequence off the end of b,
// where the sniffed window may split a character.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax-1 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < utf8.RuneSelf {
			return b
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			return b
		}
	}
	return b
}
