package card

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"math/bits"
	"slices"
)

// A pngWriter writes a card's paletted image as a PNG, compressed by a
// deflate of its own rather than compress/flate: a card is mostly rows
// that repeat the row above, and runs of one colour between letters, which
// it finds by comparing eight bytes at a time and codes as copies of the
// row above or of the pixel before, in one block of Huffman codes made for
// the card; where Draw's hint says a row is the background, it does not
// look. compress/flate, at its quickest, looked at every byte and cost
// most of a card's drawing; this costs a fraction, for files 3 % larger
// (its copies are only of the row above and of the pixel before). The PNG
// is plain: IHDR, PLTE, one IDAT, IEND.
type pngWriter struct {
	tokens   []token
	above    int         // bytes of a copy of the row above not yet added
	litFreq  [286]uint32 // of the tokens' literals and lengths' codes
	distFreq [30]uint32  // of their distances' codes
	bits     bitWriter
}

// A token is a literal byte (dist 0) or a copy of length bytes from dist
// bytes back.
type token struct {
	length uint16 // 3–258 for a copy; the byte for a literal
	dist   uint16
}

// rowLen is the length of a row in the zlib stream: its filter byte (0,
// none) and its pixels.
const rowLen = 1 + Width

// encode writes img, which is Width×Height of at most 256 colours, to out.
// A hint, if not nil, says where img can differ from its background.
func (w *pngWriter) encode(out *bytes.Buffer, img *image.Paletted, hint *layoutHint) {
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], Width)
	binary.BigEndian.PutUint32(ihdr[4:], Height)
	ihdr[8], ihdr[9] = 8, 3 // 8 bits an index, paletted
	chunk(out, "IHDR", ihdr[:])
	var plte [3 * 256]byte
	for i, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte[3*i], plte[3*i+1], plte[3*i+2] = byte(r>>8), byte(g>>8), byte(b>>8)
	}
	chunk(out, "PLTE", plte[:3*len(img.Palette)])

	start := out.Len()
	out.WriteString("\x00\x00\x00\x00IDAT")
	out.Write([]byte{0x78, 0x01}) // zlib: deflate, 32 KB window, no dictionary
	sum := w.tokenize(img, hint)
	w.bits.out = w.bits.out[:0]
	w.writeBlock()
	w.bits.flush()
	out.Write(w.bits.out)
	out.Write(binary.BigEndian.AppendUint32(nil, sum))
	data := out.Bytes()[start:]
	binary.BigEndian.PutUint32(data, uint32(len(data)-8))
	out.Write(binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(data[4:])))
	chunk(out, "IEND", nil)
}

// chunk writes a PNG chunk.
func chunk(out *bytes.Buffer, name string, data []byte) {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:], uint32(len(data)))
	copy(head[4:], name)
	out.Write(head[:])
	out.Write(data)
	crc := crc32.Update(crc32.ChecksumIEEE(head[4:]), crc32.IEEETable, data)
	out.Write(binary.BigEndian.AppendUint32(nil, crc))
}

// A layoutHint says where a card's pixels can differ from its
// background, so that the encoder need not look at the rest: row y is
// rows[kind[y]] but in the columns [x0, x1) of spans[y].
type layoutHint struct {
	rows  [2][Width]uint8
	kind  [Height]uint8
	spans [Height]span
	// sums[k][x] are the sum of rows[k][:x] and the sum of j·rows[k][j]
	// for j < x: the Adler-32 of a part of a row in constant time.
	sums [2][Width + 1][2]uint64
}

// A span is the columns [x0, x1) of a row; x0 >= x1 for none.
type span struct{ x0, x1 int }

// sum sets h.sums from h.rows.
func (h *layoutHint) sum() {
	for k := range h.rows {
		for x, b := range h.rows[k] {
			h.sums[k][x+1] = [2]uint64{h.sums[k][x][0] + uint64(b), h.sums[k][x][1] + uint64(x)*uint64(b)}
		}
	}
}

// adlerRow carries Adler-32's sums s1, s2 over the columns [a, b) of
// background row k.
func (h *layoutHint) adlerRow(s1, s2 uint64, k uint8, a, b int) (uint64, uint64) {
	p, q := h.sums[k][a], h.sums[k][b]
	sum := q[0] - p[0]
	weighted := uint64(b)*sum - (q[1] - p[1]) // of (b-j)·row[j]
	return (s1 + sum) % 65521, (s2 + uint64(b-a)*s1 + weighted) % 65521
}

// tokenize turns img's rows into tokens, and returns their Adler-32.
// With a hint, it looks only where the hint says a row and the row above
// can differ.
func (w *pngWriter) tokenize(img *image.Paletted, hint *layoutHint) uint32 {
	w.tokens, w.above = w.tokens[:0], 0
	clear(w.litFreq[:])
	clear(w.distFreq[:])
	var sum uint32 = 1
	var rowSum uint32 // row y-1's checksum alone
	repeat := 0       // rows that repeat the last row that did not
	for y := range Height {
		pix := img.Pix[y*img.Stride : y*img.Stride+Width]
		if y > 0 && bytes.Equal(pix, img.Pix[(y-1)*img.Stride:(y-1)*img.Stride+Width]) {
			repeat++
			sum = adler32Combine(sum, rowSum, rowLen)
			continue
		}
		w.copy(repeat*rowLen, rowLen)
		repeat = 0
		var up []byte
		if y > 0 {
			up = img.Pix[(y-1)*img.Stride : y*img.Stride]
		}
		// The columns [lo, hi) are looked at; the row is the row above
		// left and right of them.
		lo, hi := 0, Width
		if hint != nil && y > 0 && hint.kind[y] == hint.kind[y-1] {
			s, a := hint.spans[y], hint.spans[y-1]
			if s.x0 >= s.x1 {
				s = a
			}
			if a.x0 >= a.x1 {
				a = s
			}
			lo, hi = max(min(s.x0, a.x0), 0), min(max(s.x1, a.x1), Width)
			if lo < 2 || lo >= hi {
				lo = 0
			}
			if Width-hi < 3 || lo >= hi {
				hi = Width
			}
		}
		if lo > 0 {
			w.copy(1+lo, rowLen) // the filter byte and the background
			s1, s2 := hint.adlerRow(1, 1, hint.kind[y], 0, lo)
			s1, s2 = adlerSums(s1, s2, pix[lo:hi])
			s1, s2 = hint.adlerRow(s1, s2, hint.kind[y], hi, Width)
			rowSum = uint32(s2)<<16 | uint32(s1)
		} else {
			w.literal(0)
			s1, s2 := adlerSums(1, 1, pix[:hi]) // after the filter byte, 0
			if hi < Width {
				s1, s2 = hint.adlerRow(s1, s2, hint.kind[y], hi, Width)
			}
			rowSum = uint32(s2)<<16 | uint32(s1)
		}
		sum = adler32Combine(sum, rowSum, rowLen)
		for x := lo; x < hi; {
			// A run of one colour is copied from the pixel before, the
			// rest from the row above if it is like it. Most pixels of
			// letters' edges are like neither: one byte's compare says so.
			run, above := 0, 0
			if x > 0 && pix[x] == pix[x-1] {
				run = common(pix[x:hi], pix[x-1:])
			}
			if run < 3 && up != nil && pix[x] == up[x] {
				above = common(pix[x:hi], up[x:])
			}
			switch {
			case run >= 3:
				w.copy(run, 1)
				x += run
			case above >= 3:
				w.copy(above, rowLen)
				x += above
			default:
				w.literal(pix[x])
				x++
			}
		}
		w.copy(Width-hi, rowLen)
	}
	w.copy(repeat*rowLen, rowLen)
	w.flushAbove()
	return sum
}

// copy adds the tokens that copy n bytes from dist back; n < 3 only if 0.
// Copies of the row above are held until another token comes, so that
// those that follow one another (the background right of a row's text and
// left of the next row's) are one.
func (w *pngWriter) copy(n, dist int) {
	if dist == rowLen {
		w.above += n
		return
	}
	w.flushAbove()
	w.emit(n, dist)
}

// literal adds the token of the byte b.
func (w *pngWriter) literal(b byte) {
	w.flushAbove()
	w.tokens = append(w.tokens, token{length: uint16(b)})
	w.litFreq[b]++
}

// flushAbove adds the copy of the row above that is held.
func (w *pngWriter) flushAbove() {
	if w.above > 0 {
		w.emit(w.above, rowLen)
		w.above = 0
	}
}

// emit adds the tokens of a copy.
func (w *pngWriter) emit(n, dist int) {
	for n > 0 {
		l := min(n, 258)
		if n-l > 0 && n-l < 3 {
			l = n - 3
		}
		w.tokens = append(w.tokens, token{uint16(l), uint16(dist)})
		w.litFreq[257+lengthCode(uint16(l))]++
		c, _, _ := distCode(uint16(dist))
		w.distFreq[c]++
		n -= l
	}
}

// common is the length of the common start of a and b, at most the
// length of a: eight bytes compared at a time, and past the first 32, 64
// at a time (bytes.Equal's vector instructions).
func common(a, b []byte) int {
	n := 0
	for n+8 <= len(a) {
		if x := binary.LittleEndian.Uint64(a[n:]) ^ binary.LittleEndian.Uint64(b[n:]); x != 0 {
			return n + bits.TrailingZeros64(x)/8
		}
		if n += 8; n == 32 {
			for n+64 <= len(a) && bytes.Equal(a[n:n+64], b[n:n+64]) {
				n += 64
			}
		}
	}
	for n < len(a) && a[n] == b[n] {
		n++
	}
	return n
}

// adler is the Adler-32 of bytes whose sums are s1 and s2, followed by p
// (of no bytes: 1 and 0), eight bytes at a time: of bytes b0…b7, the
// first sum grows by their sum and the second by eight times the first
// plus 8·b0 + 7·b1 + … + 1·b7, each sum of products made by one
// multiplication of four 16-bit lanes (hash/adler32 adds a byte at a
// time). The sums are reduced once, at the end: p is a row, far too short
// for them to overflow 64 bits.
func adler(s1, s2 uint64, p []byte) uint32 {
	s1, s2 = adlerSums(s1, s2, p)
	return uint32(s2)<<16 | uint32(s1)
}

// adlerSums is adler's two sums, each reduced.
func adlerSums(s1, s2 uint64, p []byte) (uint64, uint64) {
	const (
		lanes = 0x00ff00ff00ff00ff
		ones  = 0x0001000100010001
		even  = 2 | 4<<16 | 6<<32 | 8<<48 // weights of b6, b4, b2, b0
		odd   = 1 | 3<<16 | 5<<32 | 7<<48 // of b7, b5, b3, b1
	)
	for len(p) >= 8 {
		w := binary.LittleEndian.Uint64(p)
		lo, hi := w&lanes, w>>8&lanes
		s2 += 8*s1 + (lo*even)>>48 + (hi*odd)>>48
		s1 += ((lo + hi) * ones) >> 48
		p = p[8:]
	}
	for _, b := range p {
		s1 += uint64(b)
		s2 += s1
	}
	return s1 % 65521, s2 % 65521
}

// adler32Combine is the Adler-32 of a stream whose first part's sum is a
// and whose second part, of n bytes, has the sum b (zlib's
// adler32_combine).
func adler32Combine(a, b uint32, n int) uint32 {
	const base = 65521
	rem := uint32(n % base)
	sum1 := a & 0xffff
	sum2 := rem * sum1 % base
	sum1 += (b & 0xffff) + base - 1
	sum2 += (a >> 16) + (b >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= 2*base {
		sum2 -= 2 * base
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

// The codes of lengths and distances (RFC 1951, 3.2.5): a length of 3–258
// is the code 257+lengthCode, then extra bits over its base.
var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
)

// lengthCodes is the code of each length, looked up for each copy.
var lengthCodes = func() (codes [259]uint8) {
	for c, base := range lengthBase {
		for l := int(base); l < 259; l++ {
			codes[l] = uint8(c)
		}
	}
	return codes
}()

func lengthCode(l uint16) int { return int(lengthCodes[l]) }

// distCode is the code of a distance of 1–32768, its extra bits and their
// value.
func distCode(d uint16) (code int, extra uint8, value uint16) {
	d--
	if d < 4 {
		return int(d), 0, 0
	}
	n := bits.Len16(d) // d is in [2^(n-1), 2^n)
	extra = uint8(n - 2)
	code = 2*(n-1) + int(d>>extra)&1
	return code, extra, d & (1<<extra - 1)
}

// writeBlock writes the tokens as one final block of dynamic Huffman
// codes (RFC 1951, 3.2.7).
func (w *pngWriter) writeBlock() {
	litFreq, distFreq := &w.litFreq, &w.distFreq
	litFreq[256] = 1 // the end of the block
	var litLen [286]uint8
	var distLen [30]uint8
	huffmanLengths(litFreq[:], 15, litLen[:])
	huffmanLengths(distFreq[:], 15, distLen[:])
	var litCode [286]uint16
	var distCodes [30]uint16
	canonical(litLen[:], litCode[:])
	canonical(distLen[:], distCodes[:])
	nlit := 257
	for i := range litLen {
		if litLen[i] > 0 {
			nlit = max(nlit, i+1)
		}
	}
	ndist := 1
	for i := range distLen {
		if distLen[i] > 0 {
			ndist = max(ndist, i+1)
		}
	}

	// The two codes' lengths, run-length coded in the alphabet of
	// code-length codes, itself Huffman-coded.
	var all [286 + 30]uint8
	lens := append(append(all[:0], litLen[:nlit]...), distLen[:ndist]...)
	type clSym struct{ sym, extra uint8 }
	cls := make([]clSym, 0, 286+30) // on the stack
	for i := 0; i < len(lens); {
		v, n := lens[i], 1
		for i+n < len(lens) && lens[i+n] == v {
			n++
		}
		i += n
		if v == 0 {
			for n >= 11 {
				k := min(n, 138)
				cls = append(cls, clSym{18, uint8(k - 11)})
				n -= k
			}
			if n >= 3 {
				cls = append(cls, clSym{17, uint8(n - 3)})
				n = 0
			}
		} else {
			cls = append(cls, clSym{v, 0})
			n--
			for n >= 3 {
				k := min(n, 6)
				cls = append(cls, clSym{16, uint8(k - 3)})
				n -= k
			}
		}
		for ; n > 0; n-- {
			cls = append(cls, clSym{v, 0})
		}
	}
	var clFreq [19]uint32
	for _, s := range cls {
		clFreq[s.sym]++
	}
	var clLen [19]uint8
	huffmanLengths(clFreq[:], 7, clLen[:])
	var clCode [19]uint16
	canonical(clLen[:], clCode[:])
	order := [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	nclen := 4
	for i, s := range order {
		if clLen[s] > 0 {
			nclen = max(nclen, i+1)
		}
	}

	b := &w.bits
	b.write(1, 1) // the last block
	b.write(2, 2) // of dynamic codes
	b.write(uint64(nlit-257), 5)
	b.write(uint64(ndist-1), 5)
	b.write(uint64(nclen-4), 4)
	for _, s := range order[:nclen] {
		b.write(uint64(clLen[s]), 3)
	}
	clExtra := [19]uint8{16: 2, 17: 3, 18: 7}
	for _, s := range cls {
		b.write(uint64(clCode[s.sym]), clLen[s.sym])
		b.write(uint64(s.extra), clExtra[s.sym])
	}
	var lit [256]uint32 // a literal's code, and its length in the top byte
	for i := range lit {
		lit[i] = uint32(litCode[i]) | uint32(litLen[i])<<24
	}
	for _, t := range w.tokens {
		if t.dist == 0 {
			c := lit[uint8(t.length)]
			b.write(uint64(c&0xffffff), uint8(c>>24))
			continue
		}
		// A code and its extra bits in one write: at most 15+13 bits.
		lc := lengthCode(t.length)
		b.write(uint64(litCode[257+lc])|uint64(t.length-lengthBase[lc])<<litLen[257+lc], litLen[257+lc]+lengthExtra[lc])
		dc, extra, value := distCode(t.dist)
		b.write(uint64(distCodes[dc])|uint64(value)<<distLen[dc], distLen[dc]+extra)
	}
	b.write(uint64(litCode[256]), litLen[256])
}

// huffmanLengths sets lengths to the lengths of a Huffman code of the
// symbols of freq, none longer than max; symbols of no frequency have
// none, but at least two symbols have one, as decoders want a whole code.
func huffmanLengths(freq []uint32, max uint8, lengths []uint8) {
	type leaf struct {
		f   uint64
		sym int
	}
	var buf [286]leaf // the longest alphabet's: on the stack
	leaves := buf[:0]
	for s, f := range freq {
		if f > 0 {
			leaves = append(leaves, leaf{uint64(f), s})
		}
	}
	for s := 0; len(leaves) < 2; s++ {
		if freq[s] == 0 {
			leaves = append(leaves, leaf{1, s})
		}
	}
	n := len(leaves)
	var weightBuf [2 * 286]uint64
	var parentBuf [2 * 286]int
	var depthBuf [2 * 286]uint8
	weight, parent, depth := weightBuf[:2*n-1], parentBuf[:2*n-1], depthBuf[:2*n-1]
	for {
		slices.SortFunc(leaves, func(a, b leaf) int {
			if a.f != b.f {
				if a.f < b.f {
					return -1
				}
				return 1
			}
			return a.sym - b.sym
		})
		for i, l := range leaves {
			weight[i] = l.f
		}
		// Two queues: the leaves in order, and the nodes made, which are
		// made in order of weight.
		next, made := 0, n
		pick := func(k int) int {
			if next < n && (made >= k || weight[next] <= weight[made]) {
				next++
				return next - 1
			}
			made++
			return made - 1
		}
		for k := n; k < 2*n-1; k++ {
			a, b := pick(k), pick(k)
			weight[k] = weight[a] + weight[b]
			parent[a], parent[b] = k, k
		}
		depth[2*n-2] = 0
		longest := uint8(0)
		for k := 2*n - 3; k >= 0; k-- {
			depth[k] = depth[parent[k]] + 1
			longest = maxOf(longest, depth[k])
		}
		if longest <= max {
			break
		}
		// Too long: flatten the frequencies and build again.
		for i := range leaves {
			leaves[i].f = leaves[i].f>>1 + 1
		}
	}
	clear(lengths)
	for i, l := range leaves {
		lengths[l.sym] = depth[i]
	}
}

func maxOf(a, b uint8) uint8 {
	if a > b {
		return a
	}
	return b
}

// canonical sets codes to the canonical Huffman code of lengths (RFC
// 1951, 3.2.2), each code's bits reversed, as deflate writes them from
// the low bit up.
func canonical(lengths []uint8, codes []uint16) {
	var count [16]uint16
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	var next [16]uint16
	code := uint16(0)
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	for s, l := range lengths {
		codes[s] = 0
		if l > 0 {
			codes[s] = bits.Reverse16(next[l]) >> (16 - l)
			next[l]++
		}
	}
}

// A bitWriter writes bits from the low bit up, as deflate does.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint8
}

// write writes the n low bits of v, n at most 32.
func (b *bitWriter) write(v uint64, n uint8) {
	b.acc |= v << b.nacc
	b.nacc += n
	if b.nacc >= 32 {
		b.out = binary.LittleEndian.AppendUint32(b.out, uint32(b.acc))
		b.acc >>= 32
		b.nacc -= 32
	}
}

// flush writes the bits left, padded to a byte.
func (b *bitWriter) flush() {
	for b.nacc > 0 {
		b.out = append(b.out, byte(b.acc))
		b.acc >>= 8
		b.nacc = uint8(max(int(b.nacc)-8, 0))
	}
	b.acc, b.nacc = 0, 0
}
