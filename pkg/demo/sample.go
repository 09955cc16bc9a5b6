package demo

import "hearth/pkg/markup"

// SampleBodies returns the Markdown of n bodies of every kind the demo
// writes, drawn with the default options as seeding draws them: for each
// topic, n opening posts and n replies, each with and without a trigger
// warning (so 32n bodies for the eight topics). The same n gives the same
// bodies. They are ordinary peer support, which is what `hearth
// crisis-eval -demo` counts the crisis detector's alarms on.
func SampleBodies(n int) ([]string, error) {
	c := newComposer(newGen(Defaults()), markup.New())
	var out []string
	for i := range topics {
		for _, opening := range []bool{true, false} {
			for _, tagged := range []bool{true, false} {
				for range n {
					b, err := c.body(&topics[i], opening, tagged)
					if err != nil {
						return nil, err
					}
					out = append(out, b.md)
				}
			}
		}
	}
	return out, nil
}
