package safety

import "testing"

// replyPost is an ordinary reply as the reply load benchmark writes it
// (bench/reply.lua): no crisis language, so every pattern should be ruled
// out by its literals and Assess should cost little more than normalising.
const replyPost = "Thank you for sharing this. I keep a note on my phone of times I got through it, and I read it when it starts.\n\nReply 123 of this run. Be gentle with yourself tonight."

func BenchmarkAssessReply(b *testing.B) {
	d := NewDetector()
	b.ReportAllocs()
	b.SetBytes(int64(len(replyPost)))
	for b.Loop() {
		d.Assess(replyPost)
	}
}
