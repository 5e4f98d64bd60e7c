package overlap

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Ratio is a fraction that keeps its numerator and denominator. A ratio whose
// denominator is zero is undefined: Value reports false, String prints
// "undefined" and JSON carries "value": null with "defined": false, so no NaN
// ever reaches a caller.
type Ratio struct {
	Numerator   float64
	Denominator float64
}

// Defined reports whether the denominator is non-zero.
func (r Ratio) Defined() bool {
	return r.Denominator != 0
}

// Value returns the quotient and true, or 0 and false when the ratio is
// undefined.
func (r Ratio) Value() (float64, bool) {
	if !r.Defined() {
		return 0, false
	}
	return r.Numerator / r.Denominator, true
}

// String formats the ratio as "0.2500 (1/4)", or "undefined (0/0)".
func (r Ratio) String() string {
	fraction := formatNumber(r.Numerator) + "/" + formatNumber(r.Denominator)
	v, ok := r.Value()
	if !ok {
		return "undefined (" + fraction + ")"
	}
	return strconv.FormatFloat(v, 'f', 4, 64) + " (" + fraction + ")"
}

// Percent formats the ratio as a percentage with one decimal, such as "16.0%",
// or "n/a" when it is undefined.
func (r Ratio) Percent() string {
	v, ok := r.Value()
	if !ok {
		return "n/a"
	}
	return strconv.FormatFloat(100*v, 'f', 1, 64) + "%"
}

type ratioJSON struct {
	Numerator   float64  `json:"numerator"`
	Denominator float64  `json:"denominator"`
	Defined     bool     `json:"defined"`
	Value       *float64 `json:"value"`
}

// MarshalJSON encodes the ratio as an object with numerator, denominator,
// defined and value. The value is null when the ratio is undefined.
func (r Ratio) MarshalJSON() ([]byte, error) {
	out := ratioJSON{Numerator: r.Numerator, Denominator: r.Denominator, Defined: r.Defined()}
	if v, ok := r.Value(); ok {
		out.Value = &v
	}
	return json.Marshal(out)
}

// UnmarshalJSON decodes the object written by MarshalJSON. Only numerator and
// denominator are read, because the other fields follow from them.
func (r *Ratio) UnmarshalJSON(data []byte) error {
	var in ratioJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return fmt.Errorf("overlap: invalid ratio JSON: %w", err)
	}
	r.Numerator, r.Denominator = in.Numerator, in.Denominator
	return nil
}

// formatNumber prints whole numbers without a decimal point and other values
// with up to four decimals.
func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}
