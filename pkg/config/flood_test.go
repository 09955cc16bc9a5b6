package config

import (
	"strings"
	"testing"
	"time"
)

func TestFloodLimits(t *testing.T) {
	c, err := Load(lookup(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.FloodLimits["reply.account"]; got != (FloodLimit{6, time.Minute}) {
		t.Fatalf("default reply.account = %+v, want 6 a minute", got)
	}
	if got := c.FloodLimits["signup.client"]; got != (FloodLimit{5, time.Hour}) {
		t.Fatalf("default signup.client = %+v, want 5 an hour", got)
	}
	if len(c.FloodLimits) != len(DefaultFloodLimits) {
		t.Fatalf("%d limits by default, want %d", len(c.FloodLimits), len(DefaultFloodLimits))
	}

	c, err = Load(lookup(map[string]string{"HEARTH_FLOOD_LIMITS": "reply.account=10/2m, signup.client=0"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.FloodLimits["reply.account"]; got != (FloodLimit{10, 2 * time.Minute}) {
		t.Fatalf("reply.account = %+v", got)
	}
	if _, ok := c.FloodLimits["signup.client"]; ok {
		t.Fatal("signup.client=0 left the limit on")
	}
	if got := c.FloodLimits["thread.account"]; got != DefaultFloodLimits["thread.account"] {
		t.Fatalf("an unnamed limit lost its default: %+v", got)
	}

	c, err = Load(lookup(map[string]string{"HEARTH_FLOOD_LIMITS": "off"}))
	if err != nil || len(c.FloodLimits) != 0 {
		t.Fatalf("off: %v, %d limits", err, len(c.FloodLimits))
	}

	for raw, want := range map[string]string{
		"posts.account=6/1m":   "NAME one of",
		"reply.account=6":      "COUNT/WINDOW",
		"reply.account=x/1m":   "COUNT/WINDOW",
		"reply.account=6/0s":   "from 1s to 24h",
		"reply.account=6/2d":   "COUNT/WINDOW",
		"reply.account=6/1.5s": "whole seconds",
		"reply.account":        "NAME=COUNT/WINDOW",
	} {
		_, err := Load(lookup(map[string]string{"HEARTH_FLOOD_LIMITS": raw}))
		if err == nil || !strings.Contains(err.Error(), "HEARTH_FLOOD_LIMITS") || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want a message with %q", raw, err, want)
		}
	}
}
