package ingest

import (
	"reflect"
	"testing"
)

func sentenceTexts(ss []Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Kratom is a plant. It grows in Asia.", []string{"Kratom is a plant.", "It grows in Asia."}},
		{"U.S.", "It is not approved by the U.S. Food and Drug Administration. The U.K. banned it.",
			[]string{"It is not approved by the U.S. Food and Drug Administration.", "The U.K. banned it."}},
		{"titles", "Dr. Smith and Mr. Jones met Ms. Brown. Prof. Lee agreed.",
			[]string{"Dr. Smith and Mr. Jones met Ms. Brown.", "Prof. Lee agreed."}},
		{"e.g. i.e.", "Some painkillers, e.g. Ibuprofen, help; i.e. NSAIDs work. Others do not.",
			[]string{"Some painkillers, e.g. Ibuprofen, help; i.e. NSAIDs work.", "Others do not."}},
		{"vs etc", "Compare kratom vs. Opioids, tea, etc. Then decide.", []string{"Compare kratom vs. Opioids, tea, etc. Then decide."}},
		{"et al", "Smith et al. Found the same in 2020. Others disagree.", []string{"Smith et al. Found the same in 2020.", "Others disagree."}},
		{"St No approx Fig mg", "St. John's wort is popular. No. 5 is a number. Approx. 30% use it. Fig. 2 shows it. Take 5 mg. Twice a day.",
			[]string{"St. John's wort is popular.", "No. 5 is a number.", "Approx. 30% use it.", "Fig. 2 shows it.", "Take 5 mg. Twice a day."}},
		{"initials", "Eastlack, S.C. reviewed it. A. D. Kaye agreed. Kirsten E. Smith wrote it.",
			[]string{"Eastlack, S.C. reviewed it.", "A. D. Kaye agreed.", "Kirsten E. Smith wrote it."}},
		{"decimals", "Rates were 36.8% and 51.9% in 2019. They rose.", []string{"Rates were 36.8% and 51.9% in 2019.", "They rose."}},
		{"exclamation question", "Don’t worry! There are options. Is it safe? Maybe.",
			[]string{"Don’t worry!", "There are options.", "Is it safe?", "Maybe."}},
		{"closing quote after period", "A 2020 study found that: “pain tolerance rose.” In theory, this helps.",
			[]string{"A 2020 study found that: “pain tolerance rose.”", "In theory, this helps."}},
		{"quote with several sentences", "He said: “It may help. It may not… Patients vary.” Then he left.",
			[]string{"He said: “It may help. It may not… Patients vary.”", "Then he left."}},
		{"quote continues", "“Kratom works. It really does,” she said. Next one.",
			[]string{"“Kratom works. It really does,” she said.", "Next one."}},
		{"quote without period", "The FDA said that kratom: “appears to have properties that expose users to risks” The longer you take it, the worse.",
			[]string{"The FDA said that kratom: “appears to have properties that expose users to risks”", "The longer you take it, the worse."}},
		{"quote then period", "Reports show that: “harm is rare”. Deaths are rarer.", []string{"Reports show that: “harm is rare”.", "Deaths are rarer."}},
		{"short quote not a boundary", "It is called a “drug of concern” Officially.", []string{"It is called a “drug of concern” Officially."}},
		{"apostrophes", "It’s safe. Don’t worry.", []string{"It’s safe.", "Don’t worry."}},
		{"citation marker", "Pain fell.[3] Sleep improved.", []string{"Pain fell.[3]", "Sleep improved."}},
		{"parenthesis", "It helps (in some cases.) Not always.", []string{"It helps (in some cases.)", "Not always."}},
		{"lower case after period", "Take approx. three doses. done.", []string{"Take approx. three doses. done."}},
		{"ellipsis outside quotes", "It might help... Or not.", []string{"It might help...", "Or not."}},
		{"newlines", "A wrapped\nsentence. Another\none.", []string{"A wrapped\nsentence.", "Another\none."}},
		{"empty", "  \n ", nil},
	}
	for _, tc := range tests {
		got := SplitSentences(tc.in, 0)
		if !reflect.DeepEqual(sentenceTexts(got), tc.want) {
			t.Errorf("%s: SplitSentences(%q)\n got %q\nwant %q", tc.name, tc.in, sentenceTexts(got), tc.want)
		}
		checkSentenceSpans(t, tc.in, 0, got)
	}
}

func TestSplitSentencesBase(t *testing.T) {
	got := SplitSentences(" A b. C d.", 100)
	want := []Span{{101, 105}, {106, 110}}
	if len(got) != 2 || got[0].Span != want[0] || got[1].Span != want[1] {
		t.Fatalf("spans %+v, want %+v", got, want)
	}
}

func TestQuotations(t *testing.T) {
	type q struct{ text, attribution string }
	tests := []struct {
		in   string
		want [][]q // per sentence
	}{
		{"A 2020 study found that participants taking kratom: “demonstrated an increase in pain tolerance.” In theory, yes.",
			[][]q{{{"demonstrated an increase in pain tolerance.", "A 2020 study found that participants taking kratom:"}}, nil}},
		{`Experts say that "it is unsafe." Really.`, [][]q{{{"it is unsafe.", "Experts say that"}}, nil}},
		{"They called it “safe” and “natural”.", [][]q{{{"safe", ""}, {"natural", ""}}}},
		{"The DEA listed kratom as a “drug of concern”, which matters.", [][]q{{{"drug of concern", ""}}}},
		{"It’s the patients’ choice.", [][]q{nil}},
		{"Unclosed “quote here. Next sentence.", [][]q{nil, nil}},
		{`The label said "not for human consumption" on it. A 6" leaf.`, [][]q{{{"not for human consumption", ""}}, nil}},
		{"Risks are high. This includes: “seizure, coma, or headaches.”", [][]q{nil, {{"seizure, coma, or headaches.", "This includes:"}}}},
		{"Researchers stated that «it works».", [][]q{{{"it works", "Researchers stated that"}}}},
	}
	for _, tc := range tests {
		got := SplitSentences(tc.in, 0)
		checkSentenceSpans(t, tc.in, 0, got)
		if len(got) != len(tc.want) {
			t.Errorf("%q: %d sentences %q, want %d", tc.in, len(got), sentenceTexts(got), len(tc.want))
			continue
		}
		for i, s := range got {
			var qs []q
			for _, x := range s.Quotes {
				qs = append(qs, q{x.Text, x.Attribution})
			}
			if !reflect.DeepEqual(qs, tc.want[i]) {
				t.Errorf("%q sentence %d: quotes %q, want %q", tc.in, i, qs, tc.want[i])
			}
		}
	}
}

// checkSentenceSpans checks that sentences and quotations slice text (found
// at offset base) to their Text, in order and without overlap.
func checkSentenceSpans(t testing.TB, text string, base int, ss []Sentence) {
	t.Helper()
	prev := base
	for _, s := range ss {
		if s.Start < prev || s.End > base+len(text) || s.Start >= s.End {
			t.Fatalf("sentence span %v out of order or range (prev end %d, len %d)", s.Span, prev, len(text))
		}
		if got := text[s.Start-base : s.End-base]; got != s.Text {
			t.Fatalf("sentence span %v slices %q, stored %q", s.Span, got, s.Text)
		}
		prev = s.End
		for _, q := range s.Quotes {
			if q.Start < s.Start || q.End > s.End || q.Start > q.End {
				t.Fatalf("quote %v outside sentence %v", q.Span, s.Span)
			}
			if got := text[q.Start-base : q.End-base]; got != q.Text {
				t.Fatalf("quote span %v slices %q, stored %q", q.Span, got, q.Text)
			}
			if q.Attribution == "" {
				continue
			}
			if q.AttributionAt.Start < s.Start || q.AttributionAt.End > q.Start {
				t.Fatalf("attribution %v not before its quote %v in sentence %v", q.AttributionAt, q.Span, s.Span)
			}
			if got := text[q.AttributionAt.Start-base : q.AttributionAt.End-base]; got != q.Attribution {
				t.Fatalf("attribution span %v slices %q, stored %q", q.AttributionAt, got, q.Attribution)
			}
		}
	}
}
