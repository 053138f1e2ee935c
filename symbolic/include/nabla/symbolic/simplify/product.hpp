//! \file
//! \brief Canonical products: flattened, sorted, exact coefficient first, powers of a common
//! base collected (\f$ x \cdot x \to x^2 \f$, \f$ x^2 / x \to x \f$).
//!
//! A product is a right-leaning chain `binary<mul_op, F1, binary<mul_op, F2, F3>>` sorted by the
//! factors' bases. A zero factor makes the product the exact zero, even where another factor
//! would evaluate to Inf or NaN: that is what makes structural zeros of a Hessian exact.
#ifndef NABLA_SYMBOLIC_SIMPLIFY_PRODUCT_HPP
#define NABLA_SYMBOLIC_SIMPLIFY_PRODUCT_HPP

#include <nabla/symbolic/simplify/power.hpp>
#include <nabla/symbolic/simplify/sum.hpp>

namespace nabla::detail {

//! The base of a factor: \f$ x \f$ in \f$ x^{3/2} \f$, the factor itself otherwise.
template <class F>
constexpr auto factor_base(F const& f) {
    if constexpr (has_rational_exponent_v<F>) {
        return f.lhs;
    } else {
        return f;
    }
}

//! The exact exponent of a factor: 3/2 in \f$ x^{3/2} \f$, 1 otherwise.
template <class F>
constexpr auto factor_exponent(F const&) {
    if constexpr (has_rational_exponent_v<F>) {
        return decltype(F::rhs){};
    } else {
        return one_t{};
    }
}

template <class H, class T>
constexpr auto cons_product(H const& h, T const& t) {
    if constexpr (is_one_v<H>) {
        return t;
    } else if constexpr (is_one_v<T>) {
        return h;
    } else {
        return binary<mul_op, H, T>{h, t};
    }
}

template <class E>
constexpr auto product_head(E const& e) {
    if constexpr (is_product_v<E>) {
        return e.lhs;
    } else {
        return e;
    }
}
template <class E>
constexpr auto product_tail(E const& e) {
    if constexpr (is_product_v<E>) {
        return e.rhs;
    } else {
        return one_t{};
    }
}

//! Merges two sorted chains of factors, collecting powers of equal bases.
template <class A, class B>
constexpr auto merge_products(A const& a, B const& b) {
    if constexpr (is_one_v<A>) {
        return b;
    } else if constexpr (is_one_v<B>) {
        return a;
    } else {
        auto ha = product_head(a);
        auto hb = product_head(b);
        using Ha = decltype(ha);
        using Hb = decltype(hb);
        if constexpr (is_rational_v<Ha> && is_rational_v<Hb>) {
            return cons_product(rational_mul_t<Ha, Hb>{},
                                merge_products(product_tail(a), product_tail(b)));
        } else {
            using base_a = decltype(factor_base(ha));
            constexpr int order = compare_v<base_a, decltype(factor_base(hb))>;
            if constexpr (order < 0) {
                return cons_product(ha, merge_products(product_tail(a), b));
            } else if constexpr (order > 0) {
                return cons_product(hb, merge_products(a, product_tail(b)));
            } else {
                using ea = decltype(factor_exponent(ha));
                using eb = decltype(factor_exponent(hb));
                using sum = rational_add_t<ea, eb>;
                constexpr bool even_root = ea::den % 2 == 0 || eb::den % 2 == 0;
                if constexpr (even_root == (sum::den % 2 == 0)) {
                    return cons_product(make_pow(factor_base(ha), sum{}),
                                        merge_products(product_tail(a), product_tail(b)));
                } else {
                    return cons_product(
                        ha, cons_product(hb, merge_products(product_tail(a), product_tail(b))));
                }
            }
        }
    }
}

template <class A, class B>
constexpr auto make_mul(A const& a, B const& b);

//! \f$ r (t_1 + t_2 + \dots) = r t_1 + r t_2 + \dots \f$ for an exact \f$ r \f$, so that
//! \f$ a - (a + b) \f$ collects to \f$ -b \f$.
template <class R, class S>
constexpr auto distribute(R r, S const& s) {
    if constexpr (is_sum_v<S>) {
        return make_add(distribute(r, s.lhs), make_mul(r, s.rhs));
    } else {
        return make_mul(r, s);
    }
}

//! The product \f$ a b \f$ in canonical form.
template <class A, class B>
constexpr auto make_mul(A const& a, B const& b) {
    if constexpr (is_zero_v<A> || is_zero_v<B>) {
        return zero_t{};
    } else if constexpr (is_rational_v<A> && is_sum_v<B>) {
        return distribute(a, b);
    } else if constexpr (is_rational_v<B> && is_sum_v<A>) {
        return distribute(b, a);
    } else {
        return merge_products(a, b);
    }
}

//! \f$ -a \f$, that is \f$ (-1) a \f$.
template <class A>
constexpr auto make_neg(A const& a) {
    return make_mul(rational<-1>{}, a);
}

//! \f$ a - b \f$, that is \f$ a + (-1) b \f$.
template <class A, class B>
constexpr auto make_sub(A const& a, B const& b) {
    return make_add(a, make_neg(b));
}

//! \f$ a / b \f$, that is \f$ a b^{-1} \f$.
template <class A, class B>
constexpr auto make_div(A const& a, B const& b) {
    return make_mul(a, make_pow(b, rational<-1>{}));
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_SIMPLIFY_PRODUCT_HPP
