package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// clockTicks is USER_HZ, the unit of utime and stime in /proc/PID/stat
// (100 on every Linux Hearth runs on).
const clockTicks = 100

// cpuTicks is the CPU time (utime+stime, in clock ticks) a process has used,
// or -1 when /proc does not say (another OS, a process gone).
func cpuTicks(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	// The command name may hold spaces; the fields after it are fixed.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return -1
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return -1
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return u + st
}

// cpuMeter reads the CPU time the server under test has used, and on
// PostgreSQL that of the database backends serving it, so a scenario's
// cost per request can be told apart from the machine's other load.
type cpuMeter struct {
	server int
	pg     *pgSchema
}

// sample is the server's and its database backends' CPU ticks, per pid.
func (m cpuMeter) sample(ctx context.Context) (server int64, backends map[int]int64) {
	server = cpuTicks(m.server)
	if m.pg == nil {
		return server, nil
	}
	backends = map[int]int64{}
	for _, pid := range m.pg.backendPIDs(ctx) {
		if t := cpuTicks(pid); t >= 0 {
			backends[pid] = t
		}
	}
	return server, backends
}

// cpuPerRequest is the CPU milliseconds per request the server, and its
// database backends, used between two samples (a backend that started in
// between counts from its start; one that ended is not counted).
func cpuPerRequest(s0, s1 int64, b0, b1 map[int]int64, requests int) (serverMS, dbMS float64) {
	if requests == 0 || s0 < 0 || s1 < 0 {
		return 0, 0
	}
	serverMS = float64(s1-s0) * 1000 / clockTicks / float64(requests)
	var db int64
	for pid, t := range b1 {
		db += t - b0[pid]
	}
	return serverMS, float64(db) * 1000 / clockTicks / float64(requests)
}
