package overlap

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"
)

// ActionOptions defines the action lists.
type ActionOptions struct {
	// Marketing decides which accounts marketing engaged.
	Marketing Reach
	// Sales decides which accounts sales works.
	Sales Reach
	// Now is the reference time. Touches after Now are ignored.
	Now time.Time
	// SalesQuietDays is N in "sales has not touched within N days": a
	// marketing-engaged account goes on the sales list when sales has no
	// touch in [Now - N days, Now].
	SalesQuietDays int
}

// LastTouch is a team's most recent touch on an account up to Now.
type LastTouch struct {
	Team string `json:"team"`
	// Touched is false when the team never touched the account, and then
	// Time and Channel are empty.
	Touched bool      `json:"touched"`
	Time    time.Time `json:"time,omitzero"`
	Channel string    `json:"channel,omitempty"`
}

// ActionItem is one account on an action list with the last touch of the
// marketing team and of the sales team, in that order.
type ActionItem struct {
	Account     string      `json:"account"`
	LastTouches []LastTouch `json:"last_touches"`
}

// ActionLists are the target accounts that need a team's attention. Each
// list is sorted by account ID.
type ActionLists struct {
	Now            time.Time `json:"now"`
	SalesQuietDays int       `json:"sales_quiet_days"`
	MarketingRule  string    `json:"marketing_rule"`
	SalesRule      string    `json:"sales_rule"`
	// ForSales lists accounts marketing engaged that sales has not
	// touched within SalesQuietDays.
	ForSales []ActionItem `json:"for_sales"`
	// ForMarketing lists accounts sales works that marketing has not
	// engaged by its rule.
	ForMarketing []ActionItem `json:"for_marketing"`
	// Unreached lists target accounts that neither rule reached.
	Unreached []ActionItem `json:"unreached"`
}

// ComputeActions builds the action lists for the target accounts in
// universe, or for every touched account when universe is empty. The
// marketing rule's window decides what "engaged" and "never engaged" mean,
// so a rule without a window looks at all touches up to Now.
func ComputeActions(universe []string, touches []Touch, opts ActionOptions) (*ActionLists, error) {
	if opts.Now.IsZero() {
		return nil, errors.New("overlap: ActionOptions.Now is zero; set the reference time")
	}
	if opts.SalesQuietDays < 0 {
		return nil, fmt.Errorf("overlap: ActionOptions.SalesQuietDays is %d; it must not be negative", opts.SalesQuietDays)
	}
	if err := validateTouches(touches); err != nil {
		return nil, err
	}
	var upToNow []Touch
	for _, t := range touches {
		if !t.Time.After(opts.Now) {
			upToNow = append(upToNow, t)
		}
	}
	marketing, sales := opts.Marketing, opts.Sales
	marketing.Name, sales.Name = "marketing", "sales"
	sets, err := ReachedSets(upToNow, marketing, sales)
	if err != nil {
		return nil, err
	}
	engaged, worked := memberSet(sets[0]), memberSet(sets[1])

	quietSince := opts.Now.AddDate(0, 0, -opts.SalesQuietDays)
	last := map[string]map[string]Touch{}
	salesRecently := map[string]bool{}
	for _, t := range upToNow {
		byTeam := last[t.Account]
		if byTeam == nil {
			byTeam = map[string]Touch{}
			last[t.Account] = byTeam
		}
		if prev, ok := byTeam[t.Team]; !ok || compareTouches(prev, t) < 0 {
			byTeam[t.Team] = t
		}
		if t.Team == opts.Sales.Team && !t.Time.Before(quietSince) {
			salesRecently[t.Account] = true
		}
	}

	targets := universe
	if len(targets) == 0 {
		targets = sortedKeys(last)
	} else {
		targets = slices.Clone(targets)
		slices.Sort(targets)
		targets = slices.Compact(targets)
	}
	lists := &ActionLists{
		Now: opts.Now, SalesQuietDays: opts.SalesQuietDays,
		MarketingRule: opts.Marketing.String(), SalesRule: opts.Sales.String(),
		ForSales: []ActionItem{}, ForMarketing: []ActionItem{}, Unreached: []ActionItem{},
	}
	item := func(account string) ActionItem {
		out := ActionItem{Account: account}
		for _, team := range []string{opts.Marketing.Team, opts.Sales.Team} {
			lt := LastTouch{Team: team}
			if t, ok := last[account][team]; ok {
				lt = LastTouch{Team: team, Touched: true, Time: t.Time, Channel: t.Channel}
			}
			out.LastTouches = append(out.LastTouches, lt)
		}
		return out
	}
	for _, account := range targets {
		switch {
		case engaged[account] && !salesRecently[account]:
			lists.ForSales = append(lists.ForSales, item(account))
		case worked[account] && !engaged[account]:
			lists.ForMarketing = append(lists.ForMarketing, item(account))
		case !engaged[account] && !worked[account]:
			lists.Unreached = append(lists.Unreached, item(account))
		}
	}
	return lists, nil
}

func memberSet(s Set) map[string]bool {
	out := make(map[string]bool, len(s.Members))
	for _, id := range s.Members {
		out[id] = true
	}
	return out
}

// WriteText writes the three lists as aligned tables with the last touch of
// each team.
func (a *ActionLists) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := &textPrinter{w: tw}
	p.line("As of %s. Marketing engaged: %s.", a.Now.Format(time.RFC3339), a.MarketingRule)
	p.line("Sales works: %s.", a.SalesRule)
	sections := []struct {
		title string
		items []ActionItem
	}{
		{fmt.Sprintf("For sales: marketing engaged, no sales touch in %d days", a.SalesQuietDays), a.ForSales},
		{"For marketing: sales works, marketing has not engaged", a.ForMarketing},
		{"Nobody reached", a.Unreached},
	}
	for _, section := range sections {
		p.line("")
		p.line("%s (%d)", section.title, len(section.items))
		p.line("ACCOUNT\tLAST MARKETING TOUCH\tLAST SALES TOUCH")
		for _, it := range section.items {
			p.line("%s\t%s\t%s", it.Account, lastTouchText(it.LastTouches[0]), lastTouchText(it.LastTouches[1]))
		}
	}
	if p.err != nil {
		return p.err
	}
	return tw.Flush()
}

func lastTouchText(t LastTouch) string {
	if !t.Touched {
		return "never"
	}
	return t.Time.Format("2006-01-02") + " " + t.Channel
}
