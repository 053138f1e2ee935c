// A generator of random expression *types*: gen<Seed, Depth, Symbols>() picks, from a
// compile-time PRNG (splitmix64 on the seed), one operation per node among every operation nabla
// has, recursing into children with derived seeds. Each seed gives one expression type; the
// domain of every operation is kept by construction (log, sqrt, real powers and divisors see a
// positive argument, tan a bounded one, exp a moderate one), so any point of R^n is inside it.
//
// Depth counts generator levels: one level is one chosen operation together with its domain
// guard (log(e) is generated as log(1 + e*e), one level). The top node is always an operation.
#ifndef NABLA_TESTS_FUZZ_GENERATOR_HPP
#define NABLA_TESTS_FUZZ_GENERATOR_HPP

#include <nabla/nabla.hpp>
#include <nabla/verify.hpp>

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

namespace nabla_fuzz {

using u64 = std::uint64_t;

//! splitmix64's output function: a bijective mix of a 64-bit state.
constexpr u64 mix(u64 z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
//! The seed of child \p k of the node with seed \p s.
constexpr u64 child(u64 s, u64 k) {
    return mix(s ^ (0x632be59bd9b4e019ULL * (k + 1)));
}

//! What the generator can choose for a node: operations, then leaves.
enum kind : int {
    k_add,
    k_sub,
    k_mul,
    k_div,
    k_neg,
    k_pow_int,  // pow(e, 3): a plain int exponent (becomes a runtime constant)
    k_pow_rat,  // pow(e, c<3, 2>): an exact rational exponent
    k_pow_real, // pow(e, 1.5): a runtime real exponent
    k_pow_expr, // pow(positive, e): an expression exponent
    k_sqrt,
    k_cbrt,
    k_exp,
    k_expm1,
    k_log,
    k_log1p,
    k_sin,
    k_cos,
    k_tan,
    k_atan,
    k_tanh,
    k_sigmoid,
    k_softplus,
    k_abs,
    k_min,
    k_max,
    op_kinds, // number of operations
    k_symbol = op_kinds,
    k_exact, // c<p, q>
    k_real,  // a runtime double
    all_kinds
};

inline constexpr std::array<std::string_view, all_kinds> kind_names{
    "+",           "-",           "*",    "/",    "unary -", "pow(e,int)", "pow(e,c<p,q>)",
    "pow(e,real)", "pow(e,expr)", "sqrt", "cbrt", "exp",     "expm1",      "log",
    "log1p",       "sin",         "cos",  "tan",  "atan",    "tanh",       "sigmoid",
    "softplus",    "abs",         "min",  "max",  "symbol",  "c<p,q>",     "real const"};

//! How often each kind was chosen in one expression.
struct counts {
    std::array<unsigned short, all_kinds> n{};
    constexpr counts operator+(counts const& o) const {
        counts r;
        for (std::size_t i = 0; i != n.size(); ++i)
            r.n[i] = static_cast<unsigned short>(n[i] + o.n[i]);
        return r;
    }
    constexpr counts with(kind k) const {
        counts r = *this;
        ++r.n[static_cast<std::size_t>(k)];
        return r;
    }
};

//! A generated expression and the choices that built it.
template <class E>
struct generated {
    E e;
    counts c;
};
template <class E>
constexpr generated<E> make(E const& e, counts const& c, kind k) {
    return {e, c.with(k)};
}

inline constexpr nabla::var<"x"> x;
inline constexpr nabla::var<"y"> y;
inline constexpr nabla::var<"z"> z;
inline constexpr nabla::var<"u"> u;

//! A runtime constant's value: a mix of dyadic and non-dyadic numbers.
constexpr double real_of(u64 s) {
    constexpr std::array<double, 8> table{0.5, 1.5, 0.1, 2.0, -0.3, 0.75, 3.0, -1.25};
    return table[s % table.size()];
}

//! A positive expression made of \p e, bounded away from 0: four shapes.
template <u64 W, class E>
constexpr auto positive(E const& e) {
    if constexpr (W % 4 == 0)
        return nabla::c<1> + e * e;
    else if constexpr (W % 4 == 1)
        return nabla::c<1> + abs(e);
    else if constexpr (W % 4 == 2)
        return nabla::c<2> + sin(e);
    else
        return 1.25 + cos(e);
}

//! A bounded expression made of \p e, within (-1, 1) or so.
template <u64 W, class E>
constexpr auto bounded(E const& e) {
    if constexpr (W % 3 == 0)
        return tanh(e);
    else if constexpr (W % 3 == 1)
        return sin(e);
    else
        return atan(e);
}

template <u64 S, int Symbols>
constexpr auto gen_leaf() {
    constexpr u64 r = mix(S);
    constexpr int choice = static_cast<int>(r % 8);
    if constexpr (choice < 5) { // symbols, most of the time
        constexpr int which = static_cast<int>((r >> 8) % Symbols);
        if constexpr (which == 0)
            return make(x, counts{}, k_symbol);
        else if constexpr (which == 1)
            return make(y, counts{}, k_symbol);
        else if constexpr (which == 2)
            return make(z, counts{}, k_symbol);
        else
            return make(u, counts{}, k_symbol);
    } else if constexpr (choice < 7) {
        constexpr std::intmax_t p = static_cast<std::intmax_t>((r >> 16) % 7) - 3;
        constexpr std::intmax_t q = static_cast<std::intmax_t>((r >> 24) % 4) + 1;
        return make(nabla::c<(p == 0 ? 5 : p), q>, counts{}, k_exact);
    } else {
        return make(nabla::constant<0>{real_of(r >> 32)}, counts{}, k_real);
    }
}

//! Percent chance that a node at remaining depth D is a leaf (the root, D = 6, never is).
inline constexpr std::array<int, 7> leaf_percent{100, 70, 55, 45, 35, 20, 0};

template <u64 S, int D, int Symbols>
constexpr auto gen() {
    constexpr u64 r = mix(S);
    if constexpr (D == 0 || static_cast<int>(r % 100) < leaf_percent[D]) {
        return gen_leaf<mix(r), Symbols>();
    } else {
        constexpr kind k = static_cast<kind>((r >> 8) % op_kinds);
        constexpr u64 w = child(S, 0); // shape of guards and constants
        const auto a = gen<child(S, 1), D - 1, Symbols>();
        // Binary operations take a runtime number for their right operand one time in four.
        constexpr bool number_rhs = (w >> 20) % 4 == 0;
        if constexpr (k == k_add || k == k_sub || k == k_mul || k == k_min || k == k_max) {
            if constexpr (number_rhs) {
                constexpr double v = real_of(w >> 8);
                if constexpr (k == k_add)
                    return make(a.e + v, a.c, k);
                else if constexpr (k == k_sub)
                    return make(a.e - v, a.c, k);
                else if constexpr (k == k_mul)
                    return make(a.e * v, a.c, k);
                else if constexpr (k == k_min)
                    return make(min(a.e, v), a.c, k);
                else
                    return make(max(a.e, v), a.c, k);
            } else {
                const auto b = gen<child(S, 2), D - 1, Symbols>();
                if constexpr (k == k_add)
                    return make(a.e + b.e, a.c + b.c, k);
                else if constexpr (k == k_sub)
                    return make(a.e - b.e, a.c + b.c, k);
                else if constexpr (k == k_mul)
                    return make(a.e * b.e, a.c + b.c, k);
                else if constexpr (k == k_min)
                    return make(min(a.e, b.e), a.c + b.c, k);
                else
                    return make(max(a.e, b.e), a.c + b.c, k);
            }
        } else if constexpr (k == k_div) {
            if constexpr (number_rhs) { // number / positive
                return make(real_of(w >> 8) / positive<w>(a.e), a.c, k);
            } else {
                const auto b = gen<child(S, 2), D - 1, Symbols>();
                return make(a.e / positive<w>(b.e), a.c + b.c, k);
            }
        } else if constexpr (k == k_pow_expr) {
            const auto b = gen<child(S, 2), D - 1, Symbols>();
            return make(pow(positive<w>(a.e), b.e), a.c + b.c, k);
        } else if constexpr (k == k_neg) {
            return make(-a.e, a.c, k);
        } else if constexpr (k == k_pow_int) {
            constexpr std::array<int, 6> exponents{2, 3, 4, -1, -2, -3};
            constexpr int n = exponents[(w >> 8) % exponents.size()];
            if constexpr (n > 0)
                return make(pow(a.e, n), a.c, k); // any sign of the base
            else
                return make(pow(positive<w>(a.e), n), a.c, k);
        } else if constexpr (k == k_pow_rat) {
            constexpr int which = static_cast<int>((w >> 8) % 8);
            constexpr std::intmax_t p =
                std::array<std::intmax_t, 8>{3, -1, 2, 5, -3, 7, 2, 1}[which];
            constexpr std::intmax_t q = std::array<std::intmax_t, 8>{2, 2, 3, 4, 4, 3, 5, 6}[which];
            return make(pow(positive<w>(a.e), nabla::c<p, q>), a.c, k);
        } else if constexpr (k == k_pow_real) {
            constexpr double p =
                std::array<double, 6>{1.5, 0.3, -0.7, 2.5, -1.5, 0.25}[(w >> 8) % 6];
            return make(pow(positive<w>(a.e), p), a.c, k);
        } else if constexpr (k == k_sqrt) {
            return make(sqrt(positive<w>(a.e)), a.c, k);
        } else if constexpr (k == k_cbrt) {
            return make(cbrt(a.e), a.c, k); // the real cube root: any sign
        } else if constexpr (k == k_exp) {
            return make(exp(bounded<w>(a.e)), a.c, k);
        } else if constexpr (k == k_expm1) {
            return make(expm1(bounded<w>(a.e)), a.c, k);
        } else if constexpr (k == k_log) {
            return make(log(positive<w>(a.e)), a.c, k);
        } else if constexpr (k == k_log1p) { // argument in (-1/2, 1/2) or >= 0
            if constexpr ((w >> 8) % 2 == 0)
                return make(log1p(nabla::c<1, 2> * bounded<w>(a.e)), a.c, k);
            else
                return make(log1p(a.e * a.e), a.c, k);
        } else if constexpr (k == k_sin) {
            return make(sin(a.e), a.c, k);
        } else if constexpr (k == k_cos) {
            return make(cos(a.e), a.c, k);
        } else if constexpr (k == k_tan) { // |argument| < pi / 4
            return make(tan(nabla::c<1, 2> * bounded<w>(a.e)), a.c, k);
        } else if constexpr (k == k_atan) {
            return make(atan(a.e), a.c, k);
        } else if constexpr (k == k_tanh) {
            return make(tanh(a.e), a.c, k);
        } else if constexpr (k == k_sigmoid) {
            return make(sigmoid(a.e), a.c, k);
        } else if constexpr (k == k_softplus) {
            return make(softplus(a.e), a.c, k);
        } else {
            static_assert(k == k_abs);
            return make(abs(a.e), a.c, k);
        }
    }
}

//! The seed of expression number \p I.
constexpr u64 seed_of(u64 i) {
    return mix(0x6e61626c61ULL + i);
}
//! How many symbols expression number \p I uses: 1 to 4.
constexpr int symbols_of(u64 i) {
    return static_cast<int>(mix(seed_of(i) ^ 0xabcdefULL) % 4) + 1;
}

//! wrt(...) of the first \p N of x, y, z, u.
template <int N>
constexpr auto first_symbols() {
    if constexpr (N == 1)
        return nabla::wrt(x);
    else if constexpr (N == 2)
        return nabla::wrt(x, y);
    else if constexpr (N == 3)
        return nabla::wrt(x, y, z);
    else
        return nabla::wrt(x, y, z, u);
}

//! The number of distinct nodes nabla evaluates for the value, gradient and Hessian of \p F
//! with respect to \p W (the size of eval_all's plan).
template <class F, class W>
constexpr std::size_t plan_size() {
    using G = decltype(nabla::gradient(std::declval<F const&>(), W{}));
    using H = decltype(nabla::hessian(std::declval<F const&>(), W{}));
    using all =
        nabla::detail::concat_t<nabla::detail::type_list<F>, nabla::detail::elements_of_t<G>,
                                nabla::detail::elements_of_t<H>>;
    return []<class... Es>(nabla::detail::type_list<Es...>) {
        return nabla::detail::plan_t<Es...>::size;
    }(all{});
}

//! Expressions whose value, gradient and Hessian need more distinct nodes than this are drawn
//! again: compile time grows with the plan (about 3 in 20 of the raw draws are above it, and
//! they cost as much to compile as the rest together).
inline constexpr std::size_t max_plan_size = 120;

//! Expression number \p I: the first of the seeds derived from \p I whose expression depends on
//! at least one symbol (a generated tree can fold to a constant, such as cos(c<1, 2>)) and whose
//! plan has at most max_plan_size nodes.
template <u64 I, u64 Attempt = 0>
constexpr auto expression() {
    constexpr u64 seed = Attempt == 0 ? seed_of(I) : mix(seed_of(I) + 0x1000 * Attempt);
    using E = decltype(gen<seed, 6, symbols_of(I)>().e);
    constexpr bool constant = nabla::free_symbols_t<E>::size == 0;
    if constexpr (Attempt < 16 &&
                  (constant ||
                   plan_size<E, decltype(first_symbols<symbols_of(I)>())>() > max_plan_size))
        return expression<I, Attempt + 1>();
    else
        return gen<seed, 6, symbols_of(I)>();
}

} // namespace nabla_fuzz

#endif // NABLA_TESTS_FUZZ_GENERATOR_HPP
