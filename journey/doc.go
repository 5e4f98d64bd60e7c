// Package journey puts marketing's and sales' touches of an account on one
// timeline and measures what happens between the two teams.
//
// # Concepts
//
// A Touchpoint is one interaction with an account, owned by a Team:
// Marketing or Sales. A Timeline is one account's touches ordered by
// instant, with a deterministic tie-break so that equal-instant touches
// come out in the same order however the sources were loaded.
// BuildTimelines groups many touches by account, and can merge the same
// touch exported by two systems while keeping both sources.
//
// The first marketing touch, the first sales touch, the team that came
// first and the gap between them are read off a Timeline directly.
//
// The package does no I/O of its own beyond the io.Reader and io.Writer
// values that callers pass in, keeps no global mutable state, and is safe
// for concurrent use. Given the same input, every function returns the
// same output.
//
// # Time zones
//
// Zone names are resolved with time.LoadLocation, which needs the IANA
// time zone database at run time. The package does not embed it, because
// that would add about 450 KB to every program that imports the package.
// Programs that run where no zone database is installed should import
// time/tzdata.
package journey
