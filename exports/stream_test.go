package exports

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/match"
)

func testIndex(t *testing.T) *match.Index {
	t.Helper()
	ix, err := match.NewIndex([]match.Record{
		{ID: "A1", Name: "Acme Widgets Inc.", Domain: "acme.example"},
		{ID: "A2", Name: "Globex Corporation", Domain: "globex.example"},
		{ID: "A3", Name: "Initech GmbH", Domain: "initech.example"},
	})
	require.NoError(t, err)
	return ix
}

func TestMatchRecordsKeepsOrder(t *testing.T) {
	ix := testIndex(t)
	var b strings.Builder
	b.WriteString("Lead ID,Company,Email,Lead Source\n")
	names := []string{"Acme Widgets", "Globex Corp", "Initech", "Unknown Co"}
	domains := []string{"acme.example", "globex.example", "initech.example", "unknown.example"}
	const rows = 1000
	for i := range rows {
		fmt.Fprintf(&b, "L%d,%s,jo@%s,Web\n", i, names[i%4], domains[i%4])
	}
	b.WriteString("L-bad,Acme\n")
	want := []string{"A1", "A2", "A3", ""}
	i := 0
	var errs []error
	for m, err := range MatchRecords(context.Background(), ix, Read(strings.NewReader(b.String()), Options{}), MatchOptions{Workers: 3, BatchSize: 7}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		require.Equal(t, fmt.Sprintf("L%d", i), m.Record.Account.ID)
		require.Equal(t, want[i%4], m.Result.AccountID, "row %d", i)
		i++
	}
	assert.Equal(t, rows, i)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), "row has 2 cells")
}

func TestMatchRecordsConsumerStops(t *testing.T) {
	ix := testIndex(t)
	endless := func(yield func(Record, error) bool) {
		for i := 0; ; i++ {
			if !yield(Record{Account: match.Record{ID: fmt.Sprint(i), Name: "Acme"}}, nil) {
				return
			}
		}
	}
	count := 0
	for range MatchRecords(context.Background(), ix, iter.Seq2[Record, error](endless), MatchOptions{}) {
		count++
		if count == 500 {
			break
		}
	}
	assert.Equal(t, 500, count)
}

func TestMatchRecordsCanceled(t *testing.T) {
	ix := testIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	endless := func(yield func(Record, error) bool) {
		for i := 0; ; i++ {
			if !yield(Record{Account: match.Record{ID: fmt.Sprint(i), Name: "Acme"}}, nil) {
				return
			}
		}
	}
	var last error
	count := 0
	for _, err := range MatchRecords(ctx, ix, endless, MatchOptions{}) {
		count++
		if count == 100 {
			cancel()
		}
		if err != nil {
			last = err
		}
	}
	assert.True(t, errors.Is(last, context.Canceled))
}
