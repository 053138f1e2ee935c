//! \file
//! \brief `feature_importance`: how strongly a loss reacts to each feature, as the mean over
//! the data of \f$ |\partial \ell_i / \partial x_{ij}| \f$.
#ifndef NABLA_SYMBOLIC_DATA_FEATURE_IMPORTANCE_HPP
#define NABLA_SYMBOLIC_DATA_FEATURE_IMPORTANCE_HPP

#include <nabla/symbolic/data/evaluate.hpp>

namespace nabla {

namespace detail {
//! The per-row loss \f$ \ell_i \f$ of a loss that is a sum of means (or sums) over rows and of
//! terms free of the data: each reduction replaced by its operand.
template <class E>
constexpr auto per_row_loss(E const& e) {
    if constexpr (is_reduction_node_v<E>) {
        return e.arg;
    } else if constexpr (!has_row_reduction_v<E>) {
        return e;
    } else if constexpr (is_sum_v<E>) {
        return make_add(per_row_loss(e.lhs), per_row_loss(e.rhs));
    } else if constexpr (is_product_v<E> && !has_row_reduction_v<decltype(E::lhs)>) {
        return make_mul(e.lhs, per_row_loss(e.rhs));
    } else {
        static_assert(sizeof(E) == 0, "nabla::feature_importance: the loss must be a sum of "
                                      "(multiples of) means over rows and terms free of the data");
    }
}
} // namespace detail

//! \brief \f$ \frac{1}{n} \sum_i |\partial \ell_i / \partial x_i| \f$ for the data row symbol
//! \p x: the gradient of the per-row loss with respect to the features, its magnitude averaged
//! over \p data (the loss's means and sums over rows are replaced by their per-row terms).
//! Works for any loss; a vector of the feature count.
template <expression F, fixed_string Name, class... Ds, class... Bs>
auto feature_importance(F const& loss, row<Name> const&, dataset<Ds...> const& data,
                        Bs const&... bindings) {
    static_assert(depends_on_v<F, row<Name>>, "nabla::feature_importance: the loss does not "
                                              "use this data row symbol");
    const auto sensitivity = detail::reverse_gradient<row<Name>>(detail::per_row_loss(loss));
    return eval(detail::make_row_reduction<mean_op>(detail::make_unary<abs_op>(sensitivity)), data,
                bindings...);
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_DATA_FEATURE_IMPORTANCE_HPP
