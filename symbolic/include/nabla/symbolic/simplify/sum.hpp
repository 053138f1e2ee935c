//! \file
//! \brief Canonical sums: flattened, sorted, with like terms collected.
//!
//! A sum is a right-leaning chain `binary<add_op, T1, binary<add_op, T2, T3>>` of terms in the
//! canonical order of their non-numeric part, so \f$ 3x + y - x \f$ and \f$ y + 2x \f$ are the
//! same type. Adding two sums merges two sorted chains: linear in their lengths.
#ifndef NABLA_SYMBOLIC_SIMPLIFY_SUM_HPP
#define NABLA_SYMBOLIC_SIMPLIFY_SUM_HPP

#include <nabla/symbolic/expr/kinds.hpp>
#include <nabla/symbolic/simplify/order.hpp>

namespace nabla::detail {

//! The exact numeric coefficient of a term: 3 in \f$ 3 x y \f$, 1 in \f$ x \f$.
template <class T>
constexpr auto coefficient(T const&) {
    if constexpr (is_rational_v<T>) {
        return T{};
    } else if constexpr (has_rational_coefficient_v<T>) {
        return decltype(T::lhs){};
    } else {
        return one_t{};
    }
}

//! The term without its exact coefficient: \f$ x y \f$ in \f$ 3 x y \f$, 1 for a number.
template <class T>
constexpr auto monomial(T const& t) {
    if constexpr (is_rational_v<T>) {
        return one_t{};
    } else if constexpr (has_rational_coefficient_v<T>) {
        return t.rhs;
    } else {
        return t;
    }
}

//! \f$ c \cdot m \f$ for an exact coefficient and a monomial that has none.
template <class C, class M>
constexpr auto make_term(C, M const& m) {
    if constexpr (is_zero_v<C>) {
        return zero_t{};
    } else if constexpr (is_one_v<M>) {
        return C{};
    } else if constexpr (is_one_v<C>) {
        return m;
    } else {
        return binary<mul_op, C, M>{C{}, m};
    }
}

//! Puts a term in front of a sorted chain.
template <class H, class T>
constexpr auto cons_sum(H const& h, T const& t) {
    if constexpr (is_zero_v<H>) {
        return t;
    } else if constexpr (is_zero_v<T>) {
        return h;
    } else {
        return binary<add_op, H, T>{h, t};
    }
}

template <class E>
constexpr auto sum_head(E const& e) {
    if constexpr (is_sum_v<E>) {
        return e.lhs;
    } else {
        return e;
    }
}
template <class E>
constexpr auto sum_tail(E const& e) {
    if constexpr (is_sum_v<E>) {
        return e.rhs;
    } else {
        return zero_t{};
    }
}

//! Merges two sorted chains of terms, collecting like terms.
template <class A, class B>
constexpr auto merge_sums(A const& a, B const& b) {
    if constexpr (is_zero_v<A>) {
        return b;
    } else if constexpr (is_zero_v<B>) {
        return a;
    } else {
        auto ha = sum_head(a);
        auto hb = sum_head(b);
        using ma = decltype(monomial(ha));
        using mb = decltype(monomial(hb));
        constexpr int order = compare_v<ma, mb>;
        if constexpr (order < 0) {
            return cons_sum(ha, merge_sums(sum_tail(a), b));
        } else if constexpr (order > 0) {
            return cons_sum(hb, merge_sums(a, sum_tail(b)));
        } else {
            using c = rational_add_t<decltype(coefficient(ha)), decltype(coefficient(hb))>;
            return cons_sum(make_term(c{}, monomial(ha)), merge_sums(sum_tail(a), sum_tail(b)));
        }
    }
}

//! The sum \f$ a + b \f$ in canonical form.
template <class A, class B>
constexpr auto make_add(A const& a, B const& b) {
    return merge_sums(a, b);
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_SIMPLIFY_SUM_HPP
