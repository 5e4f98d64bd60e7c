package overlap

import (
	"math"
	"sync"
)

// circleArea returns π·r².
func circleArea(r float64) float64 { return math.Pi * r * r }

// radiusFor returns the radius of a circle of the given area.
func radiusFor(area float64) float64 { return math.Sqrt(area / math.Pi) }

// lensArea returns the area shared by two circles of radii r1 and r2 whose
// centres are d apart.
func lensArea(r1, r2, d float64) float64 {
	if r1 <= 0 || r2 <= 0 || d >= r1+r2 {
		return 0
	}
	if d <= math.Abs(r1-r2) {
		return circleArea(math.Min(r1, r2))
	}
	c1 := clamp((d*d+r1*r1-r2*r2)/(2*d*r1), -1, 1)
	c2 := clamp((d*d+r2*r2-r1*r1)/(2*d*r2), -1, 1)
	k := (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2)
	return r1*r1*math.Acos(c1) + r2*r2*math.Acos(c2) - 0.5*math.Sqrt(math.Max(k, 0))
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// distanceForLens returns the centre distance at which two circles share the
// given area. Lens area falls strictly as d grows from |r1-r2| to r1+r2, so
// bisection converges to the unique solution. A shared area of 0 gives
// r1+r2, where the circles touch, and a full containment gives |r1-r2|.
func distanceForLens(r1, r2, shared float64) float64 {
	lo, hi := math.Abs(r1-r2), r1+r2
	if shared <= 0 {
		return hi
	}
	if shared >= circleArea(math.Min(r1, r2)) {
		return lo
	}
	for i := 0; i < 200 && hi-lo > 1e-13*(r1+r2); i++ {
		mid := (lo + hi) / 2
		if lensArea(r1, r2, mid) > shared {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// quadrature holds the nodes and weights of the integral in tripleArea on
// [0, 1]. It is computed once and never changed.
var quadrature = sync.OnceValue(func() (q struct{ at, weight []float64 }) {
	const steps = 1024
	dt := math.Pi / steps
	for i := range steps {
		t := (float64(i) + 0.5) * dt
		q.at = append(q.at, (1-math.Cos(t))/2)
		q.weight = append(q.weight, math.Sin(t)*dt/2)
	}
	return q
})

// tripleArea returns the area shared by three circles. The shared area is
// convex, so each vertical line crosses it in one interval. The integral
// over x uses the substitution x = a + (b-a)(1-cos t)/2, which removes the
// square-root singularities at both ends, and the midpoint rule in t.
func tripleArea(c [3]Circle) float64 {
	a, b := math.Inf(-1), math.Inf(1)
	for _, ci := range c {
		if ci.Radius <= 0 {
			return 0
		}
		a = math.Max(a, ci.X-ci.Radius)
		b = math.Min(b, ci.X+ci.Radius)
	}
	if a >= b {
		return 0
	}
	q := quadrature()
	total := 0.0
	for i, at := range q.at {
		x := a + (b-a)*at
		top, bottom := math.Inf(1), math.Inf(-1)
		for _, ci := range c {
			dx := x - ci.X
			h := math.Sqrt(math.Max(ci.Radius*ci.Radius-dx*dx, 0))
			top = math.Min(top, ci.Y+h)
			bottom = math.Max(bottom, ci.Y-h)
		}
		if top > bottom {
			total += (top - bottom) * q.weight[i]
		}
	}
	return total * (b - a)
}

// nelderMead minimises f from start with the Nelder-Mead simplex method. It
// stops after the given iterations or when all vertex values agree to 1e-16,
// and involves no randomness, so the result is deterministic.
func nelderMead(f func([]float64) float64, start []float64, step float64, iterations int) []float64 {
	n := len(start)
	simplex := make([][]float64, n+1)
	values := make([]float64, n+1)
	for i := range simplex {
		simplex[i] = append([]float64(nil), start...)
		if i > 0 {
			simplex[i][i-1] += step
		}
		values[i] = f(simplex[i])
	}
	point := func(base, toward []float64, t float64) []float64 {
		p := make([]float64, n)
		for k := range p {
			p[k] = base[k] + t*(toward[k]-base[k])
		}
		return p
	}
	for iter := 0; iter < iterations; iter++ {
		// Sort vertices by value with a stable insertion sort.
		for i := 1; i <= n; i++ {
			for j := i; j > 0 && values[j] < values[j-1]; j-- {
				values[j], values[j-1] = values[j-1], values[j]
				simplex[j], simplex[j-1] = simplex[j-1], simplex[j]
			}
		}
		if values[n]-values[0] <= 1e-16 {
			break
		}
		centroid := make([]float64, n)
		for i := 0; i < n; i++ {
			for k := range centroid {
				centroid[k] += simplex[i][k] / float64(n)
			}
		}
		worst := simplex[n]
		reflected := point(centroid, worst, -1)
		fr := f(reflected)
		switch {
		case fr < values[0]:
			expanded := point(centroid, worst, -2)
			if fe := f(expanded); fe < fr {
				simplex[n], values[n] = expanded, fe
			} else {
				simplex[n], values[n] = reflected, fr
			}
		case fr < values[n-1]:
			simplex[n], values[n] = reflected, fr
		default:
			contracted := point(centroid, worst, 0.5)
			if fc := f(contracted); fc < values[n] {
				simplex[n], values[n] = contracted, fc
			} else {
				for i := 1; i <= n; i++ {
					simplex[i] = point(simplex[0], simplex[i], 0.5)
					values[i] = f(simplex[i])
				}
			}
		}
	}
	best := 0
	for i := range values {
		if values[i] < values[best] {
			best = i
		}
	}
	return simplex[best]
}
