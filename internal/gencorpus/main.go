// Command gencorpus writes a deterministic corpus of synthetic health
// articles (plain text) for load tests and benchmarks:
//
//	go run ./internal/gencorpus -n 1000 -out DIR
//
// The articles follow the genre's shapes (a title, headings, lead-in
// lists of side effects and withdrawal symptoms, hedged and denied
// sentences, a quoted finding with its attribution, a reference list) with
// substances, conditions and places drawn from fixed lists, so every run
// with the same -seed gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

var (
	substances = []string{"kratom", "CBD oil", "gabapentin", "tramadol", "capsaicin cream", "ibuprofen", "turmeric", "pregabalin", "duloxetine", "kava", "willow bark", "arnica", "melatonin", "naproxen", "acetaminophen"}
	conditions = []string{"chronic back pain", "arthritis", "nerve pain", "fibromyalgia", "migraine", "neck pain", "sciatica", "osteoarthritis", "joint pain", "muscle pain"}
	effects    = []string{"nausea", "constipation", "dizziness", "drowsiness", "dry mouth", "headache", "sweating", "itching", "insomnia", "diarrhoea", "weight gain", "blurred vision", "confusion", "tachycardia", "fatigue", "rash"}
	withdrawal = []string{"anxiety", "irritability", "restlessness", "muscle aches", "runny nose", "chills", "yawning", "insomnia", "depression", "nausea and vomiting"}
	places     = []string{"the US", "Europe", "the UK", "Australia", "Canada", "Southeast Asia", "Germany"}
	agencies   = []string{"the FDA", "the EMA", "the MHRA", "Health Canada"}
	kinds      = []string{"study", "review", "survey", "trial"}
	surnames   = []string{"Smith", "Chen", "Garcia", "Okafor", "Novak", "Rossi", "Kim", "Patel", "Dubois", "Larsen"}
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("out", "corpus", "output directory")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r := rand.New(rand.NewSource(*seed))
	total := 0
	for i := 0; i < *n; i++ {
		text := article(r, i)
		total += len(text)
		name := filepath.Join(*out, fmt.Sprintf("%05d.txt", i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("wrote %d articles, %d bytes, to %s\n", *n, total, *out)
}

func pick(r *rand.Rand, l []string) string { return l[r.Intn(len(l))] }

func some(r *rand.Rand, l []string, k int) []string {
	p := r.Perm(len(l))
	var out []string
	for _, i := range p[:k] {
		out = append(out, l[i])
	}
	return out
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func article(r *rand.Rand, i int) string {
	s := pick(r, substances)
	c := pick(r, conditions)
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("%s for %s: What Patient %d Should Know\n\n", title(s), title(c), i)
	w("%s is used by many people in %s to manage %s. Some research suggests that %s may reduce pain, but the evidence is limited.\n\n", title(s), pick(r, places), c, s)
	year := 2010 + r.Intn(14)
	kind := pick(r, kinds)
	w("How Does It Work?\n\n")
	w("%s is thought to work on pain signals in the nervous system. In theory, it could also improve sleep. A %d %s found that: “participants taking %s reported less %s after eight weeks.”\n\n", title(s), year, kind, s, c)
	w("Potential Side Effects\n\n")
	w("Possible side effects of %s include:\n\n", s)
	for _, e := range some(r, effects, 4+r.Intn(6)) {
		w("  • %s\n", title(e))
	}
	w("\n%s does not cause %s in most people. Taking more than %d mg a day may increase the risk of side effects in %d%% of patients.\n\n", title(s), pick(r, effects), 100*(1+r.Intn(9)), 1+r.Intn(40))
	w("Withdrawal Symptoms\n\n")
	w("When people stop taking %s suddenly, they may experience withdrawal symptoms including:\n\n", s)
	for _, e := range some(r, withdrawal, 3+r.Intn(4)) {
		w("  • %s\n", title(e))
	}
	w("\nLegal Status\n\n")
	w("%s is not approved by %s for %s. It is banned in %s.\n\n", title(s), pick(r, agencies), c, pick(r, places))
	w("Other Treatment Options\n\n")
	w("There are other treatment options including:\n\n")
	for _, t := range some(r, []string{"Physiotherapy", "Acupuncture", "Massage therapy", "Cognitive behavioural therapy (CBT)", "Yoga", "Heat and cold therapy", "Hydrotherapy"}, 3) {
		w("  • %s\n", t)
	}
	w("\nReferences\n\n")
	for k := 0; k < 3+r.Intn(4); k++ {
		y := year
		if k > 0 {
			y = 2005 + r.Intn(19)
		}
		w("  • %s A, %s B. (%d). “%s and %s: a %s.” J Pain Res. %d;%d(%d):%d-%d.\n", pick(r, surnames), pick(r, surnames), y, title(s), c, kind, y, 1+r.Intn(40), 1+r.Intn(12), 10+r.Intn(90), 100+r.Intn(90))
	}
	return b.String()
}
