package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accountkit/accountkit/journey"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixture covers every section with numbers worked out by hand. The
// report week is 2026-W10 (2 to 8 March 2026), reach counts the last 7
// days, so each week's circles are that week's touches, and the quarter
// is 3 weeks from 16 February.
//
//	a: both teams in both weeks; engaged 24 Feb, handed off 25 Feb (24 h);
//	   opportunity of 100,000 on 4 Mar.
//	b: marketing only last week; both this week; engaged 3 Mar, handed
//	   off 5 Mar (48 h).
//	c: both last week; only sales this week.
//	d: engaged 11 Feb and never touched by sales, so it waits in the
//	   queue and, with no touch since 16 Feb, is unreached this quarter.
//	e: sales only this week and marketing never.
//	f: never touched.
//	x: not a target.
const (
	fixtureTargets = `account_id,name,segment
a,Alpha Inc.,Tech
b,Beta | <Bold> & Co,Tech
c,Gamma,Tech
d,Delta,Tech
e,Epsilon,Retail
f,Phi,Retail
`
	fixtureTouches = `account_id,timestamp,team,channel,type,campaign,weight
a,2026-02-24T10:00:00Z,marketing,webinar,webinar_attended,spring webinar,10
a,2026-02-25T10:00:00Z,sales,phone,call,,1
a,2026-03-03T10:00:00Z,marketing,webinar,webinar_attended,spring webinar,1
a,2026-03-04T10:00:00Z,sales,meeting,meeting,,1
a,2026-03-10T10:00:00Z,marketing,email,email_click,newsletter,1
b,2026-02-24T09:00:00Z,marketing,web,page_view,,2
b,2026-03-03T09:00:00Z,marketing,event,event_attended,roadshow,10
b,2026-03-05T09:00:00Z,sales,phone,call,,1
c,2026-02-25T09:00:00Z,marketing,email,email_click,newsletter,1
c,2026-02-26T09:00:00Z,sales,email,email_sent,,1
c,2026-03-03T09:00:00Z,sales,phone,call,,1
d,2026-02-10T12:00:00Z,marketing,webinar,webinar_attended,winter webinar,5
d,2026-02-11T12:00:00Z,marketing,content,download,buyer guide,5
e,2026-03-06T15:00:00Z,sales,phone,call,,1
x,2026-03-03T09:00:00Z,marketing,email,email_click,newsletter,1
`
	fixtureStages = `account_id,stage,timestamp,amount
a,MQA,2026-02-24T10:00:00Z,
a,SAL,2026-02-25T10:00:00Z,
a,SQL,2026-03-04T11:00:00Z,
a,opportunity,2026-03-04T12:00:00Z,100000
`
)

// fixtureArgs writes the fixture files and returns the flags that read
// them for week 2026-W10.
func fixtureArgs(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"targets.csv": fixtureTargets, "touches.csv": fixtureTouches, "stages.csv": fixtureStages}
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	return []string{
		"-targets", filepath.Join(dir, "targets.csv"), "-touches", filepath.Join(dir, "touches.csv"),
		"-stages", filepath.Join(dir, "stages.csv"), "-week", "2026-W10",
		"-reach-days", "7", "-quarter-weeks", "3", "-html", "",
	}
}

func fixtureReport(t *testing.T) *Report {
	t.Helper()
	var stdout bytes.Buffer
	require.NoError(t, run(append(fixtureArgs(t), "-json"), &stdout, &bytes.Buffer{}))
	var r Report
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &r))
	return &r
}

func TestFixtureCircles(t *testing.T) {
	r := fixtureReport(t)
	assert.Equal(t, "2026-W10", r.Week)
	assert.Equal(t, time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), r.Window.End)
	require.Len(t, r.Circles.Series, 3)
	this, last := r.Circles.Series[2], r.Circles.Series[1]
	assert.Equal(t, CirclesPoint{Week: "2026-W10", Reach: this.Reach, Marketing: 2, Sales: 4, Both: 2, MarketingOnly: 0, SalesOnly: 2, Neither: 2,
		Jaccard: this.Jaccard, Lift: this.Lift, MarketingInSales: this.MarketingInSales, SalesInMarketing: this.SalesInMarketing, Coverage: this.Coverage}, this)
	jaccard, _ := this.Jaccard.Value()
	assert.InDelta(t, 0.5, jaccard, 1e-12, "jaccard = |{a,b}| / |{a,b,c,e}|")
	lift, _ := this.Lift.Value()
	assert.InDelta(t, 1.5, lift, 1e-12, "lift = 2*6 / (2*4)")
	assert.Equal(t, 3, last.Marketing, "last week marketing reached a, b and c")
	assert.Equal(t, 2, last.Both, "last week both reached a and c")
	assert.Equal(t, 0, r.Circles.Series[0].Marketing+r.Circles.Series[0].Sales, "nobody touched a target from 9 to 16 Feb")
}

func TestFixtureInputs(t *testing.T) {
	r := fixtureReport(t)
	assert.Equal(t, 6, r.Inputs.Targets)
	assert.Equal(t, 13, r.Inputs.Touches, "touches on targets before 9 March")
	assert.Equal(t, 1, r.Inputs.OutsideTouches)
	assert.Equal(t, []string{"x"}, r.Inputs.OutsideAccounts)
	assert.Equal(t, 1, r.Inputs.LaterTouches)
}

func TestFixtureChanges(t *testing.T) {
	r := fixtureReport(t)
	var got []string
	for _, c := range r.Changes {
		got = append(got, c.Account+": "+c.Change+", "+c.From+" to "+c.To)
	}
	assert.Equal(t, []string{
		"b: newly reached by both, marketing only to both",
		"c: dropped by marketing, both to sales only",
		"e: newly reached by sales, neither to sales only",
	}, got)
}

func TestFixtureHandoffQueue(t *testing.T) {
	r := fixtureReport(t)
	require.Len(t, r.HandoffQueue, 1)
	q := r.HandoffQueue[0]
	assert.Equal(t, "d", q.Account)
	assert.Equal(t, time.Date(2026, 2, 11, 12, 0, 0, 0, time.UTC), q.EngagedAt)
	assert.InDelta(t, 25.5*24, q.WaitedHours, 1e-9)
	assert.Equal(t, "buyer guide", q.Qualifying.Campaign, "the second touch lifted the score to 10")
	assert.Equal(t, 10.0, q.Score)
	assert.Equal(t, 2, q.MarketingTouches)
	assert.False(t, q.LastSales.Touched)
}

func TestFixtureHandoffLatency(t *testing.T) {
	r := fixtureReport(t)
	this, last := r.Handoff.ThisWeek, r.Handoff.LastWeek
	assert.Equal(t, 1, this.HandedOff)
	require.NotNil(t, this.MedianLatencyHours)
	assert.InDelta(t, 48, *this.MedianLatencyHours, 1e-9, "b: engaged 3 Mar 09:00, called 5 Mar 09:00")
	assert.Equal(t, 1, this.SLAMet)
	assert.Equal(t, 1, last.HandedOff)
	require.NotNil(t, last.MedianLatencyHours)
	assert.InDelta(t, 24, *last.MedianLatencyHours, 1e-9, "a: engaged 24 Feb 10:00, called 25 Feb 10:00")
	assert.Equal(t, 1, this.Queue)
	assert.Equal(t, 1, last.Queue)
	assert.Nil(t, r.Handoff.Series[0].MedianLatencyHours, "no handoff in the week of 16 Feb")
}

func TestFixtureSalesOnlySuggestion(t *testing.T) {
	r := fixtureReport(t)
	require.Len(t, r.SalesOnly, 1)
	s := r.SalesOnly[0]
	assert.Equal(t, "e", s.Account)
	assert.Equal(t, "phone", s.LastSales.Channel)
	// Retail has no opportunity, so the suggestion comes from all
	// segments: a's 100,000 split linearly over 4 touches, two of them
	// from the spring webinar.
	assert.Equal(t, Suggestion{Campaign: "spring webinar", Channel: "webinar", Scope: allSegments, Credit: 50000, Opportunities: 1}, s.Suggestion)
}

func TestFixtureUnreached(t *testing.T) {
	r := fixtureReport(t)
	require.Len(t, r.Unreached, 2)
	assert.Equal(t, "d", r.Unreached[0].Account)
	assert.Equal(t, time.Date(2026, 2, 11, 12, 0, 0, 0, time.UTC), r.Unreached[0].LastMarketing.Time)
	assert.Equal(t, "f", r.Unreached[1].Account)
	assert.False(t, r.Unreached[1].LastMarketing.Touched)
}

func TestFixturePipeline(t *testing.T) {
	r := fixtureReport(t)
	p := r.Pipeline
	assert.True(t, p.HasStages)
	assert.Equal(t, 1, p.ThisWeek.Opportunities)
	assert.Equal(t, 100000.0, p.ThisWeek.Total)
	require.Len(t, p.ThisWeek.Teams, 2)
	assert.Equal(t, journey.TeamPipeline{Team: journey.Marketing, Sourced: 100000, SourcedCount: 1, Influenced: 100000, InfluencedCount: 1}, p.ThisWeek.Teams[0])
	assert.Equal(t, journey.TeamPipeline{Team: journey.Sales, Influenced: 100000, InfluencedCount: 1}, p.ThisWeek.Teams[1])
	assert.Equal(t, 0, p.LastWeek.Opportunities)
	assert.Equal(t, 100000.0, p.Quarter.Total)
}

func TestMarkdownEscapesNames(t *testing.T) {
	var stdout bytes.Buffer
	require.NoError(t, run(fixtureArgs(t), &stdout, &bytes.Buffer{}))
	out := stdout.String()
	assert.Contains(t, out, `| b | Beta \| \<Bold\> & Co | marketing only | both |`)
	assert.NotContains(t, out, "<Bold>")
}

func TestHTMLEscapesNames(t *testing.T) {
	args := fixtureArgs(t)
	page := filepath.Join(t.TempDir(), "page.html")
	args[len(args)-1] = page
	require.NoError(t, run(args, &bytes.Buffer{}, &bytes.Buffer{}))
	data, err := os.ReadFile(page)
	require.NoError(t, err)
	html := string(data)
	assert.Contains(t, html, "Beta | &lt;Bold&gt; &amp; Co")
	assert.NotContains(t, html, "<Bold>")
	for _, external := range []string{"src=", "href=", "<link", "<script", "url("} {
		assert.NotContains(t, html, external, "the page loads no external resources")
	}
	assert.Equal(t, 7, strings.Count(html, "<svg"), "two Venn diagrams and five weekly charts")
}

func TestFixtureMarkdownSections(t *testing.T) {
	var stdout bytes.Buffer
	require.NoError(t, run(fixtureArgs(t), &stdout, &bytes.Buffer{}))
	out := stdout.String()
	for _, want := range []string{
		"# Weekly review 2026-W10 (2 Mar to 8 Mar 2026)",
		"| jaccard(marketing,sales) | 0.500 (2/4) | 0.667 (2/3) | -0.167 | n/a | ·█▁ |",
		"| lift(marketing,sales) over chance | 1.500 (12/8) |",
		"| d | Delta | 2026-02-11 | 25.5 d | download, buyer guide (content) on 2026-02-11 | 10 over 2 touches | never |",
		"| e | Epsilon | Retail | 2026-03-06 phone | spring webinar (webinar) | 50,000 of pipeline credit over 1 opportunity in all segments |",
		"| marketing | 100,000 (1) | 100,000 (1) | 100,000 (1) | 100,000 (1) | 0 (0) | 0 (0) |",
		"| median latency, engagement to first sales touch | 2.0 d | 24.0 h | +24.0 h |",
		"- 1 touch on 1 account outside the target list is left out of every list and metric: x.",
		"- 1 touch and 0 stage changes after the week's end are left out.",
	} {
		assert.Contains(t, out, want)
	}
}
