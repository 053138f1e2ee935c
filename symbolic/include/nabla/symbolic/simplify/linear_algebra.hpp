//! \file
//! \brief Canonical forms of vector operations and of reductions over data rows.
//!
//! Every rule pulls scalar factors out of a linear operation (\f$ (s a)^\top b = s\, a^\top b
//! \f$, \f$ W (s x) = s\, W x \f$) and row-independent factors out of a mean over rows, so that
//! the scalar work is done once and the vector loops only touch vectors.
#ifndef NABLA_SYMBOLIC_SIMPLIFY_LINEAR_ALGEBRA_HPP
#define NABLA_SYMBOLIC_SIMPLIFY_LINEAR_ALGEBRA_HPP

#include <nabla/symbolic/expr/symbols.hpp>
#include <nabla/symbolic/op/linear_algebra.hpp>
#include <nabla/symbolic/simplify/product.hpp>

#include <type_traits>
#include <utility>

namespace nabla::detail {

//! \f$ (s, v) \f$ with \f$ a = s v \f$: \p Keep-ing factors of \p a go to \f$ v \f$, the others
//! to \f$ s \f$. A product is a right-leaning chain, so its factors are visited in order.
template <template <class> class Keep, class A>
constexpr auto split_factors(A const& a) {
    if constexpr (is_product_v<A>) {
        const auto [s1, v1] = split_factors<Keep>(a.lhs);
        const auto [s2, v2] = split_factors<Keep>(a.rhs);
        return std::pair{make_mul(s1, s2), make_mul(v1, v2)};
    } else if constexpr (Keep<A>::value) {
        return std::pair{one_t{}, a};
    } else {
        return std::pair{a, one_t{}};
    }
}

template <class E>
struct is_not_scalar : std::bool_constant<!is_scalar_v<E>> {};
template <class E>
struct is_row_dependent : std::bool_constant<depends_on_data_v<E>> {};

//! \f$ a^\top b \f$ in canonical form: zero folds, scalar factors move out, a scalar operand
//! broadcasts (\f$ s^\top b = s \sum_k b_k \f$), and the operands are sorted.
template <class A, class B>
constexpr auto make_dot(A const& a, B const& b);

//! \f$ \sum_k v_k \f$ in canonical form.
template <class A>
constexpr auto make_sum(A const& a) {
    if constexpr (is_zero_v<A>) {
        return zero_t{};
    } else {
        static_assert(!is_scalar_v<A>, "nabla::sum: the operand is a scalar, whose length is "
                                       "unknown; sum a vector");
        const auto [s, v] = split_factors<is_not_scalar>(a);
        return make_mul(s, unary<sum_op, std::remove_cvref_t<decltype(v)>>{v});
    }
}

template <class A, class B>
constexpr auto make_dot(A const& a, B const& b) {
    if constexpr (is_zero_v<A> || is_zero_v<B>) {
        return zero_t{};
    } else if constexpr (is_scalar_v<A> && is_scalar_v<B>) {
        return make_mul(a, b);
    } else if constexpr (is_scalar_v<A>) {
        return make_mul(a, make_sum(b));
    } else if constexpr (is_scalar_v<B>) {
        return make_mul(b, make_sum(a));
    } else {
        static_assert((is_vector_v<A> && is_vector_v<B>) || (is_matrix_v<A> && is_matrix_v<B>),
                      "nabla::dot: the operands must be two vectors or two matrices");
        const auto [sa, va] = split_factors<is_not_scalar>(a);
        const auto [sb, vb] = split_factors<is_not_scalar>(b);
        using VA = std::remove_cvref_t<decltype(va)>;
        using VB = std::remove_cvref_t<decltype(vb)>;
        const auto scale = make_mul(sa, sb);
        if constexpr (compare_v<VA, VB> <= 0) {
            return make_mul(scale, binary<dot_op, VA, VB>{va, vb});
        } else {
            return make_mul(scale, binary<dot_op, VB, VA>{vb, va});
        }
    }
}

//! \f$ \log \sum_k e^{v_k} \f$.
template <class A>
constexpr auto make_logsumexp(A const& a) {
    static_assert(is_vector_v<A>, "nabla::logsumexp: the operand must be a vector");
    return unary<logsumexp_op, A>{a};
}

//! A binary linear-algebra node \p Op of \p m and \p a, with scalar factors of \p a moved out.
template <class Op, class M, class A>
constexpr auto make_linear_map(M const& m, A const& a) {
    if constexpr (is_zero_v<M> || is_zero_v<A>) {
        return zero_t{};
    } else {
        static_assert(!is_scalar_v<M> && !is_scalar_v<A>,
                      "nabla: a matrix-vector or outer product with a scalar operand that stands "
                      "for a constant vector is not supported; write the vector explicitly");
        const auto [sm, vm] = split_factors<is_not_scalar>(m);
        const auto [sa, va] = split_factors<is_not_scalar>(a);
        using VM = std::remove_cvref_t<decltype(vm)>;
        using VA = std::remove_cvref_t<decltype(va)>;
        return make_mul(make_mul(sm, sa), binary<Op, VM, VA>{vm, va});
    }
}

//! \f$ W x \f$.
template <class M, class A>
constexpr auto make_matvec(M const& m, A const& a) {
    return make_linear_map<matvec_op>(m, a);
}
//! \f$ W^\top s \f$.
template <class M, class A>
constexpr auto make_transposed_matvec(M const& m, A const& a) {
    return make_linear_map<transposed_matvec_op>(m, a);
}
//! \f$ a b^\top \f$.
template <class A, class B>
constexpr auto make_outer(A const& a, B const& b) {
    return make_linear_map<outer_op>(a, b);
}

//! True if every term of the sum chain \p A depends on the data.
template <class A>
inline constexpr bool all_terms_depend_on_data_v = depends_on_data_v<A>;
template <class A, class B>
inline constexpr bool all_terms_depend_on_data_v<binary<add_op, A, B>> =
    all_terms_depend_on_data_v<A>&& all_terms_depend_on_data_v<B>;

//! A reduction \p Op over data rows in canonical form: linear, so it distributes over sums, and
//! what does not depend on the row moves out of it (\f$ \operatorname{mean}(c\, e) = c
//! \operatorname{mean}(e) \f$; the mean of a row-independent term is the term). A sum over rows
//! does not distribute over a sum with a row-independent term (its sum would be n times it, and
//! n is not an expression): it sums the whole operand, row by row.
template <class Op, class A>
constexpr auto make_row_reduction(A const& a) {
    if constexpr (is_zero_v<A>) {
        return zero_t{};
    } else if constexpr (is_sum_v<A> && std::is_same_v<Op, sum_rows_op> && depends_on_data_v<A> &&
                         !all_terms_depend_on_data_v<A>) {
        return unary<Op, A>{a};
    } else if constexpr (is_sum_v<A>) {
        return make_add(make_row_reduction<Op>(a.lhs), make_row_reduction<Op>(a.rhs));
    } else if constexpr (!depends_on_data_v<A>) {
        static_assert(std::is_same_v<Op, mean_op>,
                      "nabla::sum_rows: the operand (or a derivative of it) does not depend on "
                      "the data, so its sum is n times it; write the factor n or use mean");
        return a;
    } else {
        const auto [s, body] = split_factors<is_row_dependent>(a);
        return make_mul(s, unary<Op, std::remove_cvref_t<decltype(body)>>{body});
    }
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_SIMPLIFY_LINEAR_ALGEBRA_HPP
