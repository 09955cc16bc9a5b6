package safety

import (
	"math"
	"math/rand/v2"
	"sort"
)

// TrainOptions are the settings of one training run. The same examples,
// options and seed always give the same model, bit for bit.
type TrainOptions struct {
	Seed   uint64
	Epochs int
	// Alpha is the first learning rate; L2 the regularisation, which keeps
	// the model from learning sentences.
	Alpha, L2 float64
	// MinCount drops features found in fewer training examples: a word
	// only one sentence uses can teach nothing but that sentence.
	MinCount int
}

// DefaultTrainOptions are the settings `hearth crisis-train` uses, chosen
// by cross-validation.
var DefaultTrainOptions = TrainOptions{Seed: 1, Epochs: 15, Alpha: 0.1, L2: 3e-5, MinCount: 2}

// sample is an example as the trainer sees it.
type sample struct {
	feats    []feature
	evidence bool
	// class is the index of its kind, or -1 when only its label is known
	// (a file without categories): then any kind in allowed will do.
	class   int
	allowed []int
}

// classesOf returns the kinds of the examples, sorted by name: each
// "label/category" pair, and "label/" for a label seen only without a
// category. A coarse "none" may be a concern, so it only asks for some
// kind of none or concern.
func classesOf(exs []Example) []modelClass {
	seen := map[string]int{}
	labels := map[string]bool{}
	for _, ex := range exs {
		if ex.Coarse {
			labels[ex.Label] = true
			continue
		}
		seen[ex.Label+"/"+ex.Category] = grade(ex.Label)
	}
	for l := range labels {
		found := false
		for _, g := range seen {
			found = found || (g == 2) == (l == LabelCrisis)
		}
		if !found {
			seen[l+"/"] = grade(l)
		}
	}
	var out []modelClass
	for name, g := range seen {
		out = append(out, modelClass{name: name, grade: g})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// prepare extracts the features of every example, in parallel; the result
// is in the order of exs whatever the scheduling.
func prepare(exs []Example, classes []modelClass) []sample {
	index := map[string]int{}
	var crisis, notCrisis []int
	for k, c := range classes {
		index[c.name] = k
		if c.grade == 2 {
			crisis = append(crisis, k)
		} else {
			notCrisis = append(notCrisis, k)
		}
	}
	r := sharedRules()
	out := make([]sample, len(exs))
	parallel(len(exs), func(i int) {
		ex := exs[i]
		n := normalize(ex.Text)
		var f features
		ev := f.extract(n, r.assess(n))
		s := sample{feats: f.list, evidence: ev, class: -1}
		switch k, ok := index[ex.Label+"/"+ex.Category]; {
		case ok && !ex.Coarse:
			s.class = k
		case ex.Label == LabelCrisis:
			s.allowed = crisis
		default:
			s.allowed = notCrisis
		}
		out[i] = s
	})
	return out
}

// sgd is stochastic gradient descent on the softmax loss with L2
// regularisation (Bottou, "Stochastic Gradient Descent Tricks", 2012):
// the weights are scale·v, so the decay of every weight each step is one
// multiplication of scale.
type sgd struct {
	opt     TrainOptions
	classes int
	v       [][]float32
	scale   float64
	bias    []float64
	step    int
	logits  []float64
}

func newSGD(classes int, opt TrainOptions) *sgd {
	t := &sgd{opt: opt, classes: classes, scale: 1, bias: make([]float64, classes), logits: make([]float64, classes)}
	for range classes {
		t.v = append(t.v, make([]float32, 1<<featureBits))
	}
	return t
}

// learn takes one step on one sample.
func (t *sgd) learn(s sample) {
	eta := t.opt.Alpha / (1 + t.opt.Alpha*t.opt.L2*float64(t.step))
	t.step++
	p := t.logits
	for k := range t.classes {
		v := t.v[k]
		var z float32
		for _, f := range s.feats {
			z += v[f.idx] * f.val
		}
		p[k] = float64(z)*t.scale + t.bias[k]
	}
	softmax(p)
	target := 0.0
	if s.class < 0 {
		for _, k := range s.allowed {
			target += p[k]
		}
	}
	t.scale *= 1 - eta*t.opt.L2
	for k := range t.classes {
		var g float64
		switch {
		case s.class == k:
			g = p[k] - 1
		case s.class >= 0 || !contains(s.allowed, k):
			g = p[k]
		default:
			g = p[k] - p[k]/target
		}
		t.bias[k] -= eta * g
		if math.Abs(g) < 1e-4 {
			continue
		}
		d := float32(eta * g / t.scale)
		v := t.v[k]
		for _, f := range s.feats {
			v[f.idx] -= d * f.val
		}
	}
	if t.scale < 1e-6 {
		t.rescale()
	}
}

// rescale folds the scale into the weights before it underflows.
func (t *sgd) rescale() {
	for _, v := range t.v {
		for i := range v {
			v[i] *= float32(t.scale)
		}
	}
	t.scale = 1
}

func contains(list []int, k int) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

// pruneRare returns the samples with the features that fewer than
// minCount of the samples at use have taken out.
func pruneRare(samples []sample, use []int, minCount int) []sample {
	if minCount <= 1 {
		return samples
	}
	count := make([]int32, 1<<featureBits)
	for _, i := range use {
		for _, f := range samples[i].feats {
			count[f.idx]++
		}
	}
	out := make([]sample, len(samples))
	for _, i := range use {
		s := samples[i]
		kept := make([]feature, 0, len(s.feats))
		for _, f := range s.feats {
			if int(count[f.idx]) >= minCount {
				kept = append(kept, f)
			}
		}
		s.feats = kept
		out[i] = s
	}
	return out
}

// train fits a model to the samples at the given positions.
func train(samples []sample, use []int, classes []modelClass, opt TrainOptions) *model {
	samples = pruneRare(samples, use, opt.MinCount)
	t := newSGD(len(classes), opt)
	order := append([]int(nil), use...)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6865617274680001)) // #nosec G404 -- a seeded, reproducible training order, not a secret
	for range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			t.learn(samples[i])
		}
	}
	t.rescale()
	bias := make([]float32, len(classes))
	for k := range classes {
		bias[k] = float32(t.bias[k])
	}
	return newModel(classes, bias, t.v)
}

// Train fits the crisis model to examples.
func Train(exs []Example, opt TrainOptions) *Model {
	classes := classesOf(exs)
	s := prepare(exs, classes)
	use := make([]int, len(s))
	for i := range use {
		use[i] = i
	}
	return &Model{m: train(s, use, classes, opt)}
}
