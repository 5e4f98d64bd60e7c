package simulate

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/accountkit/accountkit/journey"
)

// Limits of a scenario file.
const (
	// MaxScenarioSteps is the largest number of steps a scenario may
	// have.
	MaxScenarioSteps = 1000
	// MaxScenarioDay is the latest day a step may be on.
	MaxScenarioDay = 3650
	// MaxScenarioLine is the longest line a scenario file may have, in
	// bytes.
	MaxScenarioLine = 4096
)

// Step is one scripted touch of a scenario.
type Step struct {
	// Offset is the time from the scenario's start to the touch.
	Offset time.Duration
	// Touch is the scripted touch.
	Touch Touch
}

// Scenario is a scripted sequence of touches and the persona that
// receives them.
type Scenario struct {
	// Persona receives the touches. Without a persona line it is
	// NewPersona("persona", Champion), in market.
	Persona Persona
	// Steps are the touches in time order.
	Steps []Step
}

// ParseScenario reads a scenario in this line format:
//
//	# A comment. Blank lines are ignored.
//	persona champion in-market memory=21d email=1.5
//	day 0 marketing ad topic=security message="Zero-trust checklist"
//	day 3 09:30 sales email topic=security
//
// The optional persona line comes first. It names the role and may add
// in-market or out-of-market (default in-market), id=NAME, memory=HALF-LIFE
// in days ("21d") or as a Go duration ("36h"), a preference factor per
// channel (ad=, email=, content=, event=, call=, meeting=), and
// responsiveness values that replace the role's defaults (ad-rate=,
// marketing-email-rate=, content-rate=, event-rate=, sales-email-rate=,
// call-rate=, meeting-rate=). Each step line
// gives the whole day since the start, an optional time of day HH:MM, the
// team, the channel, and optionally topic= and message=. Values with
// spaces are written in double quotes with Go escapes. Steps must be in
// time order. Errors name the line.
func ParseScenario(r io.Reader) (*Scenario, error) {
	sc := &Scenario{Persona: NewPersona("persona", Champion)}
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 0, 1024), MaxScenarioLine)
	sawPersona := false
	line := 0
	for scanner.Scan() {
		line++
		text := scanner.Text()
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("scenario line %d: invalid UTF-8", line)
		}
		fields, err := splitFields(text)
		if err != nil {
			return nil, fmt.Errorf("scenario line %d: %w", line, err)
		}
		if len(fields) == 0 {
			continue
		}
		switch fields[0].text {
		case "persona":
			if sawPersona {
				return nil, fmt.Errorf("scenario line %d: a second persona line: a scenario has one persona", line)
			}
			if len(sc.Steps) > 0 {
				return nil, fmt.Errorf("scenario line %d: the persona line must come before the first step", line)
			}
			sawPersona = true
			if err := parsePersona(fields[1:], &sc.Persona); err != nil {
				return nil, fmt.Errorf("scenario line %d: %w", line, err)
			}
		case "day":
			step, err := parseStep(fields[1:])
			if err != nil {
				return nil, fmt.Errorf("scenario line %d: %w", line, err)
			}
			if n := len(sc.Steps); n > 0 && step.Offset < sc.Steps[n-1].Offset {
				return nil, fmt.Errorf("scenario line %d: step on %s comes before the previous step on %s: steps must be in time order", line, formatOffset(step.Offset), formatOffset(sc.Steps[n-1].Offset))
			}
			if len(sc.Steps) == MaxScenarioSteps {
				return nil, fmt.Errorf("scenario line %d: more than %d steps", line, MaxScenarioSteps)
			}
			sc.Steps = append(sc.Steps, step)
		default:
			return nil, fmt.Errorf("scenario line %d: unknown line type %q: expected persona or day", line, fields[0].text)
		}
	}
	if err := scanner.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("scenario line %d: longer than %d bytes", line+1, MaxScenarioLine)
		}
		return nil, fmt.Errorf("reading scenario: %w", err)
	}
	if len(sc.Steps) == 0 {
		return nil, errors.New("scenario has no steps: add a line such as \"day 0 marketing ad\"")
	}
	return sc, nil
}

// field is one word of a scenario line. A key=value word has key set.
type field struct {
	key, text string
}

// splitFields splits a line into words at white space, stopping at a '#'
// outside quotes. A word may be key=value, and the value may be quoted.
func splitFields(line string) ([]field, error) {
	var fields []field
	rest := line
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" || rest[0] == '#' {
			return fields, nil
		}
		end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '=' || r == '"' })
		if end < 0 {
			fields = append(fields, field{text: rest})
			return fields, nil
		}
		switch rest[end] {
		case '"':
			return nil, fmt.Errorf("unexpected quote in %q: only a value after = may be quoted", rest)
		case '=':
			key := rest[:end]
			if key == "" {
				return nil, fmt.Errorf("missing key before = in %q", rest)
			}
			value, after, err := splitValue(rest[end+1:])
			if err != nil {
				return nil, fmt.Errorf("value of %s: %w", key, err)
			}
			fields = append(fields, field{key: key, text: value})
			rest = after
		default:
			fields = append(fields, field{text: rest[:end]})
			rest = rest[end:]
		}
	}
}

// splitValue reads one value, quoted or bare, from the start of s.
func splitValue(s string) (value, rest string, err error) {
	if strings.HasPrefix(s, "\"") {
		quoted, err := strconv.QuotedPrefix(s)
		if err != nil {
			return "", "", fmt.Errorf("invalid quoted string %q", s)
		}
		value, err = strconv.Unquote(quoted)
		if err != nil {
			return "", "", fmt.Errorf("invalid quoted string %q", quoted)
		}
		rest = s[len(quoted):]
		if rest != "" && !unicode.IsSpace(rune(rest[0])) && rest[0] != '#' {
			return "", "", fmt.Errorf("missing space after %s", quoted)
		}
		return value, rest, nil
	}
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' || r == '=' })
	if end < 0 {
		return s, "", nil
	}
	if s[end] != ' ' && !unicode.IsSpace(rune(s[end])) {
		return "", "", fmt.Errorf("unexpected %q in %q: quote values that contain it", s[end], s)
	}
	return s[:end], s[end:], nil
}

func parsePersona(fields []field, p *Persona) error {
	if len(fields) == 0 || fields[0].key != "" {
		return errors.New("missing role after persona: expected economic-buyer, champion, researcher or user")
	}
	role, err := ParseRole(fields[0].text)
	if err != nil {
		return err
	}
	*p = NewPersona(p.ID, role)
	for _, f := range fields[1:] {
		switch {
		case f.key == "" && f.text == "in-market":
			p.InMarket = true
		case f.key == "" && f.text == "out-of-market":
			p.InMarket = false
		case f.key == "id":
			if f.text == "" {
				return errors.New("empty id")
			}
			p.ID = f.text
		case f.key == "memory":
			memory, err := parseMemory(f.text)
			if err != nil {
				return err
			}
			p.Memory = memory
		case slices.Contains(rateKeys[:], f.key):
			v, err := strconv.ParseFloat(f.text, 64)
			if err != nil || !(v >= 0 && v <= 1) {
				return fmt.Errorf("invalid responsiveness %s=%q: must be a probability in [0, 1]", f.key, f.text)
			}
			p.Responsiveness.setValue(slices.Index(rateKeys[:], f.key), v)
		case f.key != "":
			c, err := ParseChannel(f.key)
			if err != nil {
				return fmt.Errorf("unknown persona setting %q: expected id, memory, a channel name or a rate such as meeting-rate", f.key)
			}
			v, err := strconv.ParseFloat(f.text, 64)
			if err != nil || !(v >= 0 && v <= MaxPreference) {
				return fmt.Errorf("invalid preference %s=%q: must be a number in [0, %d]", f.key, f.text, MaxPreference)
			}
			setPreference(&p.Preferences, c, v)
		default:
			return fmt.Errorf("unexpected word %q in persona line: expected in-market, out-of-market or key=value", f.text)
		}
	}
	return p.Validate()
}

func setPreference(p *Preferences, c Channel, v float64) {
	switch c {
	case ChannelAd:
		p.Ad = v
	case ChannelEmail:
		p.Email = v
	case ChannelContent:
		p.Content = v
	case ChannelEvent:
		p.Event = v
	case ChannelCall:
		p.Call = v
	case ChannelMeeting:
		p.Meeting = v
	}
}

const day = 24 * time.Hour

// parseMemory reads a half-life in whole days ("21d") or as a Go duration.
func parseMemory(s string) (time.Duration, error) {
	var memory time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 1 || n > MaxScenarioDay {
			return 0, fmt.Errorf("invalid memory %q: expected whole days from 1 to %d, such as 21d", s, MaxScenarioDay)
		}
		memory = time.Duration(n) * day
	} else {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 || d > MaxScenarioDay*day {
			return 0, fmt.Errorf("invalid memory %q: expected days such as 21d or a positive duration such as 36h", s)
		}
		memory = d
	}
	return memory, nil
}

func parseStep(fields []field) (Step, error) {
	var step Step
	if len(fields) == 0 || fields[0].key != "" {
		return step, errors.New("missing day number after day")
	}
	n, err := strconv.Atoi(fields[0].text)
	if err != nil || n < 0 || n > MaxScenarioDay {
		return step, fmt.Errorf("invalid day %q: expected a whole number from 0 to %d", fields[0].text, MaxScenarioDay)
	}
	step.Offset = time.Duration(n) * day
	fields = fields[1:]
	if len(fields) > 0 && fields[0].key == "" && strings.Contains(fields[0].text, ":") {
		clock, err := time.Parse("15:04", fields[0].text)
		if err != nil {
			return step, fmt.Errorf("invalid time of day %q: expected HH:MM", fields[0].text)
		}
		step.Offset += time.Duration(clock.Hour())*time.Hour + time.Duration(clock.Minute())*time.Minute
		fields = fields[1:]
	}

	if len(fields) < 2 || fields[0].key != "" || fields[1].key != "" {
		return step, errors.New("missing team and channel, such as \"marketing ad\" or \"sales call\"")
	}
	team, err := journey.ParseTeam(fields[0].text)
	if err != nil {
		return step, err
	}
	c, err := ParseChannel(fields[1].text)
	if err != nil {
		return step, err
	}
	step.Touch = Touch{Team: team, Channel: c}
	if err := step.Touch.Validate(); err != nil {
		return step, err
	}

	for _, f := range fields[2:] {
		switch f.key {
		case "topic":
			step.Touch.Topic = f.text
		case "message":
			step.Touch.Message = f.text
		case "":
			return step, fmt.Errorf("unexpected word %q: expected topic= or message=", f.text)
		default:
			return step, fmt.Errorf("unknown step setting %q: expected topic or message", f.key)
		}
	}
	return step, nil
}

// formatOffset writes an offset as "day 3" or "day 3 09:30".
func formatOffset(d time.Duration) string {
	days := d / day
	rest := d - days*day
	if rest == 0 {
		return fmt.Sprintf("day %d", days)
	}
	return fmt.Sprintf("day %d %02d:%02d", days, rest/time.Hour, rest%time.Hour/time.Minute)
}

// WriteTo writes the scenario in the format that ParseScenario reads, so
// a written scenario parses back to the same value. Offsets are written to
// the minute.
func (s *Scenario) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	p := &s.Persona
	b.WriteString("persona ")
	b.WriteString(p.Role.String())
	if p.InMarket {
		b.WriteString(" in-market")
	} else {
		b.WriteString(" out-of-market")
	}
	b.WriteString(" id=")
	b.WriteString(quoteValue(p.ID))
	if p.Memory%day == 0 {
		fmt.Fprintf(&b, " memory=%dd", p.Memory/day)
	} else {
		fmt.Fprintf(&b, " memory=%s", p.Memory)
	}
	for i, v := range p.Preferences.values() {
		if v != 1 {
			fmt.Fprintf(&b, " %s=%s", Channel(i+1), strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	defaults := DefaultResponsiveness(p.Role).values()
	for i, v := range p.Responsiveness.values() {
		if v != defaults[i] {
			fmt.Fprintf(&b, " %s=%s", rateKeys[i], strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	b.WriteByte('\n')

	for _, step := range s.Steps {
		fmt.Fprintf(&b, "%s %s %s", formatOffset(step.Offset), step.Touch.Team, step.Touch.Channel)
		if step.Touch.Topic != "" {
			b.WriteString(" topic=")
			b.WriteString(quoteValue(step.Touch.Topic))
		}
		if step.Touch.Message != "" {
			b.WriteString(" message=")
			b.WriteString(quoteValue(step.Touch.Message))
		}
		b.WriteByte('\n')
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// quoteValue quotes a value unless it is a plain word.
func quoteValue(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '=' || r == '#' || r == '\\' || !unicode.IsPrint(r)
	}) {
		return s
	}
	return strconv.Quote(s)
}
