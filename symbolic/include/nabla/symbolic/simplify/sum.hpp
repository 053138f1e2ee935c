//! \file
//! \brief Canonical sums: flattened, sorted, with like terms collected.
//!
//! A sum is a left-leaning chain `binary<add_op, binary<add_op, T1, T2>, T3>` of terms in the
//! canonical order of their non-numeric part, so \f$ 3x + y - x \f$ and \f$ y + 2x \f$ are the
//! same type. Adding two sums merges two sorted chains from their ends: linear in their lengths,
//! and constant for the common case of appending a term that sorts last.
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

//! Appends a term to a sorted chain.
template <class I, class L>
constexpr auto snoc_sum(I const& init, L const& last) {
    if constexpr (is_zero_v<L>) {
        return init;
    } else if constexpr (is_zero_v<I>) {
        return last;
    } else {
        return binary<add_op, I, L>{init, last};
    }
}

//! The last (largest) term of a chain.
template <class E>
constexpr auto sum_last(E const& e) {
    if constexpr (is_sum_v<E>) {
        return e.rhs;
    } else {
        return e;
    }
}
//! The chain without its last term.
template <class E>
constexpr auto sum_init(E const& e) {
    if constexpr (is_sum_v<E>) {
        return e.lhs;
    } else {
        return zero_t{};
    }
}

//! Merges two sorted chains of terms from their ends, collecting like terms. Adding a term that
//! sorts after every term of the chain, as a left fold over terms with fresh constants does,
//! costs one step and one new node.
template <class A, class B>
constexpr auto merge_sums(A const& a, B const& b) {
    if constexpr (is_zero_v<A>) {
        return b;
    } else if constexpr (is_zero_v<B>) {
        return a;
    } else {
        auto la = sum_last(a);
        auto lb = sum_last(b);
        constexpr int order = compare_v<decltype(monomial(la)), decltype(monomial(lb))>;
        if constexpr (order > 0) {
            return snoc_sum(merge_sums(sum_init(a), b), la);
        } else if constexpr (order < 0) {
            return snoc_sum(merge_sums(a, sum_init(b)), lb);
        } else {
            using c = rational_add_t<decltype(coefficient(la)), decltype(coefficient(lb))>;
            return snoc_sum(merge_sums(sum_init(a), sum_init(b)), make_term(c{}, monomial(la)));
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
