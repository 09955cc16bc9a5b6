package safety

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// replyPost is an ordinary reply as the reply load benchmark writes it
// (bench/reply.lua): no crisis language, so every pattern should be ruled
// out by its literals and Assess should cost little more than normalising.
const replyPost = "Thank you for sharing this. I keep a note on my phone of times I got through it, and I read it when it starts.\n\nReply 123 of this run. Be gentle with yourself tonight."

func BenchmarkAssessReply(b *testing.B) {
	d := NewDetector(WithLearnedModel())
	b.ReportAllocs()
	b.SetBytes(int64(len(replyPost)))
	for b.Loop() {
		d.Assess(replyPost)
	}
}

// benchPost is a 400-character post with the crisis sentence buried in the
// middle, the common and the expensive case.
const benchPost = "Long post, sorry. Work has been rough this month and my landlord is raising the rent again, which I really cannot afford. My therapist is on leave until March, so I have been trying the breathing exercises people recommended here. Some days they help. Honestly though, I have been sitting with a bottle of pills in front of me for an hour tonight. I do not know why I am posting this. Anyway the cat needs feeding."

func BenchmarkAssess(b *testing.B) {
	d := NewDetector(WithLearnedModel())
	if len(benchPost) < 380 || len(benchPost) > 420 {
		b.Fatalf("bench post is %d characters, want about 400", len(benchPost))
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(benchPost)))
	for b.Loop() {
		d.Assess(benchPost)
	}
}

// longPost is a 2 KB post, the size the scoring budget is set for (p99
// under 1 ms on one core): a long everyday story with one sentence of
// crisis language in it, so every layer of the detector has work to do.
var longPost = strings.Repeat("Work has been rough this month and my landlord is raising the rent again, which I really cannot afford. ", 8) +
	"Honestly though, I have been sitting with a bottle of pills in front of me for an hour tonight. " +
	strings.Repeat("My therapist is on leave until March, so I have been trying the breathing exercises people recommended here. ", 9)

// BenchmarkAssess2KB reports the 99th percentile of single calls as well as
// the mean, for the learned detector.
func BenchmarkAssess2KB(b *testing.B) { bench2KB(b, NewDetector(WithLearnedModel())) }

// BenchmarkAssess2KBRules is the same for the rules alone, the default.
func BenchmarkAssess2KBRules(b *testing.B) { bench2KB(b, NewDetector()) }

func bench2KB(b *testing.B, d *Detector) {
	if len(longPost) < 1900 || len(longPost) > 2200 {
		b.Fatalf("long post is %d bytes, want about 2 KB", len(longPost))
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(longPost)))
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		d.Assess(longPost)
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkNewDetector is the cost of the first detector of a process:
// compiling the rules and decoding the model.
func BenchmarkNewDetector(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m, err := decodeModel(embeddedModel)
		if err != nil || compilePatterns().patterns == nil || m == nil {
			b.Fatal(err)
		}
	}
}
