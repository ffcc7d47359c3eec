package rules

// delIndex finds the strings within a small edit distance of a query
// without comparing the query with each of them (SymSpell): every indexed
// string is stored under the hashes of its variants with up to its budget
// of letters deleted, and a query looks up the hashes of its own deletion
// variants. Two strings within distance d share a variant with at most d
// letters deleted from each. Hashes are polynomial over prefixes, so that
// the hash of a variant with one or two letters left out costs O(1): a
// query of n letters costs O(n²) hashes, not O(n³) bytes hashed.
//
// The ids of a hash are a chain through one array of entries, and the
// hashes an open-addressed table over the chains' ends: tens of thousands
// of hashes at start-up cost a few growing arrays instead of a map entry
// and a slice each.
type delIndex struct {
	slots []delSlot  // by the hash's low bits, linear probing; len a power of two, at most 3/4 full
	ents  []delEntry // the chains' links
	used  int        // slots in use
	bits  []uint64   // a bit per hash (mod delBitsSize): most misses skip the table
}

// delSlot is one hash and its chain of ids: ents[head-1], then each
// entry's next; head is 0 in an empty slot.
type delSlot struct {
	h          uint64
	head, tail int32
}

// delEntry is one id of a chain; next is the next entry's index plus one,
// 0 at the end.
type delEntry struct {
	id, next int32
}

// delBitsSize is the size of the deletion-hash bit filter, in bits.
const delBitsSize = 1 << 18

// maxDelLen is the longest string the index handles (a DNS label).
const maxDelLen = 63

// newDelIndex returns an empty index sized for expect variants (a sum of
// delVariants): its table and entries are made once at start-up, not
// grown by doubling (add still grows them should more come).
func newDelIndex(expect int) *delIndex {
	n := 16
	for delFull(expect, n) {
		n *= 2
	}
	return &delIndex{slots: make([]delSlot, n), ents: make([]delEntry, 0, expect), bits: make([]uint64, delBitsSize/64)}
}

// delVariants is the number of variants add stores for a string of n
// bytes with up to depth deleted (an upper bound on the hashes and
// entries it adds: variants may coincide).
func delVariants(n, depth int) int {
	switch {
	case depth <= 0 || n > maxDelLen:
		return 0
	case depth == 1:
		return 1 + n
	}
	return 1 + n + n*(n-1)/2
}

// add indexes s (id) under its variants with up to depth letters deleted.
func (x *delIndex) add(s string, depth int, id int32) {
	if depth == 0 || len(s) > maxDelLen {
		return
	}
	eachDeletion(s, depth, func(h uint64) {
		x.put(h, id)
		x.bits[(h%delBitsSize)/64] |= 1 << (h % 64)
	})
}

// put appends id to the chain of hash h unless it is there already.
func (x *delIndex) put(h uint64, id int32) {
	sl := x.slot(h)
	if sl.head == 0 {
		if delFull(x.used+1, len(x.slots)) {
			x.grow()
			sl = x.slot(h)
		}
		x.used++
		x.ents = append(x.ents, delEntry{id: id})
		*sl = delSlot{h: h, head: int32(len(x.ents)), tail: int32(len(x.ents))}
		return
	}
	for e := sl.head; e != 0; e = x.ents[e-1].next {
		if x.ents[e-1].id == id {
			return
		}
	}
	x.ents = append(x.ents, delEntry{id: id})
	x.ents[sl.tail-1].next = int32(len(x.ents))
	sl.tail = int32(len(x.ents))
}

// delFull reports whether used hashes overfill a table of n slots: past
// three quarters, linear probing's runs grow long.
func delFull(used, n int) bool { return 4*used > 3*n }

// slot returns the slot of hash h, or the empty slot where it would go.
func (x *delIndex) slot(h uint64) *delSlot {
	mask := uint64(len(x.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		if sl := &x.slots[j]; sl.head == 0 || sl.h == h {
			return sl
		}
	}
}

// grow doubles the table (the chains stay where they are).
func (x *delIndex) grow() {
	old := x.slots
	x.slots = make([]delSlot, 2*len(old))
	for _, sl := range old {
		if sl.head != 0 {
			*x.slot(sl.h) = sl
		}
	}
}

// candidates appends to out the ids that share a variant with s of up to
// maxDel letters deleted, each once. It is eachDeletion written out, with
// the bit filter tested in line: most variants of most names miss it.
//
// With pre[k] the hash of s[:k] and P = delPow, the hash of s without
// byte i is (pre[i]-pre[i+1])·P[n-i-1] + pre[n], and without bytes i < j
// it is (pre[i]-pre[i+1])·P[n-i-2] + (pre[j]-pre[j+1])·P[n-j-1] + pre[n]
// (expand eachDeletion's terms; arithmetic is modulo 2⁶⁴ throughout). So
// each variant's hash is a sum of two terms worked out once a position.
func (x *delIndex) candidates(s string, maxDel int, out []int32) []int32 {
	n := len(s)
	if n > maxDelLen {
		return out
	}
	var pre [maxDelLen + 1]uint64
	for k := 0; k < n; k++ {
		pre[k+1] = pre[k]*delBase + uint64(s[k]) + 1
	}
	if h := mixHash(pre[n], n); x.hit(h) {
		out = x.collect(h, out)
	}
	if maxDel < 1 {
		return out
	}
	var one [maxDelLen]uint64 // one[i]: the hash of s without byte i
	for i := 0; i < n; i++ {
		one[i] = (pre[i]-pre[i+1])*delPow[n-i-1] + pre[n]
	}
	for i := 0; i < n; i++ {
		if h := mixHash(one[i], n-1); x.hit(h) {
			out = x.collect(h, out)
		}
		if maxDel < 2 || i == n-1 {
			continue
		}
		left := (pre[i] - pre[i+1]) * delPow[n-i-2]
		for j := i + 1; j < n; j++ {
			if h := mixHash(left+one[j], n-2); x.hit(h) {
				out = x.collect(h, out)
			}
		}
	}
	return out
}

// hit tests the bit filter for hash h.
func (x *delIndex) hit(h uint64) bool {
	return x.bits[(h%delBitsSize)/64]&(1<<(h%64)) != 0
}

// collect appends the ids stored under h that out lacks.
func (x *delIndex) collect(h uint64, out []int32) []int32 {
	sl := x.slot(h)
	for e := sl.head; e != 0; e = x.ents[e-1].next {
		id := x.ents[e-1].id
		dup := false
		for _, o := range out {
			dup = dup || o == id
		}
		if !dup {
			out = append(out, id)
		}
	}
	return out
}

// delBase is the base of the polynomial hash (odd, so that powers never
// vanish modulo 2⁶⁴).
const delBase = 0x100000001b3

// delPow[k] is delBase to the power k.
var delPow = func() (p [maxDelLen + 2]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * delBase
	}
	return p
}()

// eachDeletion calls f with the hash of s and of each variant of s with
// one, and (depth 2) two, bytes left out. len(s) <= maxDelLen.
func eachDeletion(s string, depth int, f func(uint64)) {
	n := len(s)
	var pre [maxDelLen + 1]uint64 // pre[k]: hash of s[:k]
	for k := 0; k < n; k++ {
		pre[k+1] = pre[k]*delBase + uint64(s[k]) + 1
	}
	part := func(a, b int) uint64 { return pre[b] - pre[a]*delPow[b-a] }
	f(mixHash(pre[n], n))
	if depth < 1 {
		return
	}
	for i := 0; i < n; i++ {
		left := pre[i]
		f(mixHash(left*delPow[n-i-1]+part(i+1, n), n-1))
		if depth < 2 {
			continue
		}
		for j := i + 1; j < n; j++ {
			h := (left*delPow[j-i-1]+part(i+1, j))*delPow[n-j-1] + part(j+1, n)
			f(mixHash(h, n-2))
		}
	}
}

// mixHash folds the length in and scrambles the bits (the polynomial
// hash's low bits, which the bit filter uses, are weak on their own). It is
// a bijection of h for each length.
func mixHash(h uint64, n int) uint64 {
	h ^= uint64(n) << 58
	h ^= h >> 31
	h *= 0x7fb5d329728ea185
	h ^= h >> 27
	h *= 0x81dadef4bc2dd44d
	h ^= h >> 33
	return h
}
