//! \file
//! \brief Vector and matrix operations: inner and outer products, matrix-vector products and
//! reductions of a vector to a number.
//!
//! These are the operations whose derivatives are matrix calculus rather than a scalar rule
//! applied element by element; they are evaluated by loops over the vector's elements (never
//! unrolled into scalar nodes), see `nabla/symbolic/data/`.
#ifndef NABLA_SYMBOLIC_OP_LINEAR_ALGEBRA_HPP
#define NABLA_SYMBOLIC_OP_LINEAR_ALGEBRA_HPP

#include <nabla/symbolic/expr/shape.hpp>

#include <string_view>
#include <type_traits>

namespace nabla {

//! \brief \f$ a^\top b = \sum_k a_k b_k \f$ of two vectors of one length, or the Frobenius
//! inner product \f$ \sum_{ik} A_{ik} B_{ik} \f$ of two matrices of one size.
struct dot_op {
    //! Name in printed output.
    static constexpr std::string_view name = "dot";
    //! A number.
    template <class A, class B>
    using result_shape =
        std::enable_if_t<std::is_same_v<A, B> && !std::is_same_v<A, scalar_shape>, scalar_shape>;
};

//! \brief \f$ \sum_k v_k \f$, the sum of a vector's elements.
struct sum_op {
    //! Name in printed output.
    static constexpr std::string_view name = "sum";
    //! A number.
    template <class A>
    using result_shape = std::enable_if_t<std::is_same_v<A, vector_shape>, scalar_shape>;
};

//! \brief \f$ \log \sum_k e^{v_k} \f$, evaluated as \f$ m + \log \sum_k e^{v_k - m} \f$ with
//! \f$ m = \max_k v_k \f$ so that it neither overflows nor underflows.
struct logsumexp_op {
    //! Name in printed output.
    static constexpr std::string_view name = "logsumexp";
    //! A number.
    template <class A>
    using result_shape = std::enable_if_t<std::is_same_v<A, vector_shape>, scalar_shape>;
};

//! \brief \f$ W x \f$: a row-major matrix times a vector of its column count.
struct matvec_op {
    //! Name in printed output.
    static constexpr std::string_view name = "matvec";
    //! A vector of the matrix's row count.
    template <class A, class B>
    using result_shape =
        std::enable_if_t<std::is_same_v<A, matrix_shape> && std::is_same_v<B, vector_shape>,
                         vector_shape>;
};

//! \brief \f$ W^\top s \f$: the transpose of a row-major matrix times a vector of its row count
//! (what back-propagation through a layer computes).
struct transposed_matvec_op {
    //! Name in printed output.
    static constexpr std::string_view name = "tmatvec";
    //! A vector of the matrix's column count.
    template <class A, class B>
    using result_shape =
        std::enable_if_t<std::is_same_v<A, matrix_shape> && std::is_same_v<B, vector_shape>,
                         vector_shape>;
};

//! \brief \f$ a b^\top \f$: the outer product of two vectors (the gradient of a layer's weights).
struct outer_op {
    //! Name in printed output.
    static constexpr std::string_view name = "outer";
    //! A matrix.
    template <class A, class B>
    using result_shape =
        std::enable_if_t<std::is_same_v<A, vector_shape> && std::is_same_v<B, vector_shape>,
                         matrix_shape>;
};

//! \brief \f$ \frac{1}{n} \sum_{i=1}^n e_i \f$: the mean of a per-row expression over the rows
//! of the dataset it is evaluated on (all of them, a range, or a sample).
struct mean_op {
    //! Name in printed output.
    static constexpr std::string_view name = "mean";
    //! The operand's shape.
    template <class A>
    using result_shape = A;
};

//! \brief \f$ \sum_{i=1}^n e_i \f$: the sum of a per-row expression over the dataset's rows.
struct sum_rows_op {
    //! Name in printed output.
    static constexpr std::string_view name = "sum_rows";
    //! The operand's shape.
    template <class A>
    using result_shape = A;
};

//! \brief The vector or matrix shaped like the symbol \p S whose every element is the scalar
//! operand: a gradient with respect to \p S whose elements are all equal (zero, for a function
//! that does not depend on \p S).
template <class S>
struct fill_op {
    //! Name in printed output.
    static constexpr std::string_view name = "fill";
    //! The symbol's shape.
    template <class A>
    using result_shape = std::enable_if_t<std::is_same_v<A, scalar_shape>, typename S::shape>;
    //! The symbol whose shape the result takes.
    using symbol_type = S;
};

//! \brief True for the reductions over data rows, `mean` and `sum_rows`.
template <class Op>
inline constexpr bool is_row_reduction_v =
    std::is_same_v<Op, mean_op> || std::is_same_v<Op, sum_rows_op>;

//! \brief True for `fill_op`.
template <class Op>
inline constexpr bool is_fill_v = false;
//! \brief A `fill_op` is a fill.
template <class S>
inline constexpr bool is_fill_v<fill_op<S>> = true;

} // namespace nabla

#endif // NABLA_SYMBOLIC_OP_LINEAR_ALGEBRA_HPP
