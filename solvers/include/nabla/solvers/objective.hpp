#ifndef NABLA_SOLVERS_OBJECTIVE_HPP
#define NABLA_SOLVERS_OBJECTIVE_HPP

//! \file
//! \brief The objective concepts every solver consumes, and make_objective() for lambdas.
//!
//! An objective over \f$ x \in \mathbb{R}^n \f$ with scalar type `T` provides
//! \code
//! T value(std::span<const T> x) const;                                   // f(x)
//! T value_gradient(std::span<const T> x, std::span<T> g) const;          // f(x), g = grad f(x)
//! // optional:
//! T value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> H) const; // H
//! row-major n*n void hessian_vector(std::span<const T> x, std::span<const T> v, std::span<T> Hv)
//! const;  // Hv = H(x) v std::size_t dimension() const;                                         //
//! checked against x0 using scalar_type = T;                                                 //
//! else deduced from x0 \endcode

#include <concepts>
#include <cstddef>
#include <iterator>
#include <ranges>
#include <span>
#include <type_traits>
#include <utility>

namespace nabla::solvers {

//! \brief `F` can evaluate \f$ f(x) \f$ for `x` a `std::span<const T>`.
template <class F, class T>
concept has_value = requires(const F& f, std::span<const T> x) {
    { f.value(x) } -> std::convertible_to<T>;
};

//! \brief `F` can evaluate \f$ f(x) \f$ and write \f$ \nabla f(x) \f$ into a `std::span<T>`.
template <class F, class T>
concept has_value_gradient = requires(const F& f, std::span<const T> x, std::span<T> g) {
    { f.value_gradient(x, g) } -> std::convertible_to<T>;
};

//! \brief The minimal objective: value and gradient.
template <class F, class T>
concept objective = has_value<F, T> && has_value_gradient<F, T>;

//! \brief An objective that also writes the dense Hessian \f$ \nabla^2 f(x) \f$ (row-major, \f$ n^2
//! \f$).
template <class F, class T>
concept hessian_objective = objective<F, T> &&
    requires(const F& f, std::span<const T> x, std::span<T> g, std::span<T> h) {
    { f.value_gradient_hessian(x, g, h) } -> std::convertible_to<T>;
};

//! \brief An objective that computes Hessian-vector products \f$ \nabla^2 f(x)\, v \f$.
template <class F, class T>
concept hessian_vector_objective = objective<F, T> &&
    requires(const F& f, std::span<const T> x, std::span<const T> v, std::span<T> hv) {
    f.hessian_vector(x, v, hv);
};

//! \brief An objective providing second-order information in either form.
template <class F, class T>
concept second_order_objective = hessian_objective<F, T> || hessian_vector_objective<F, T>;

//! \brief An objective that knows its dimension \f$ n \f$ (the start point is checked against it).
template <class F>
concept sized_objective = requires(const F& f) {
    { f.dimension() } -> std::convertible_to<std::size_t>;
};

//! \brief A finite-sum objective \f$ f(x) = \frac1N \sum_{i<N} f_i(x) \f$ (a loss over a dataset)
//! that evaluates the mean over a subset \f$ B \f$ of the samples:
//! \f$ f_B(x) = \frac1{|B|}\sum_{i\in B} f_i(x) \f$ and \f$ \nabla f_B(x) \f$ into `g`.
//!
//! Required for stochastic and mini-batch runs (`minimize(f, x0, epochs(n), batch_size(b))`)
//! and for the empirical Fisher of natural_gradient.
//! \code
//! std::size_t sample_count() const;                                             // N
//! T value_gradient_sample(std::span<const T> x, std::span<const std::size_t> indices,
//!                         std::span<T> g) const;                                // f_B, grad f_B
//! \endcode
template <class F, class T>
concept finite_sum_objective = requires(const F& f, std::span<const T> x,
                                        std::span<const std::size_t> idx, std::span<T> g) {
    { f.sample_count() } -> std::convertible_to<std::size_t>;
    { f.value_gradient_sample(x, idx, g) } -> std::convertible_to<T>;
};

//! \brief An objective that writes the exact Fisher information \f$ F(x) \f$ of its model
//! (dense, row-major \f$ n\times n \f$) through `void fisher(std::span<const T> x,
//! std::span<T> F) const`; natural_gradient then uses it instead of the empirical Fisher.
template <class F, class T>
concept fisher_objective = requires(const F& f, std::span<const T> x, std::span<T> m) {
    f.fisher(x, m);
};

namespace detail {
template <class F, class X>
struct scalar_of {
    using type = std::remove_cv_t<std::ranges::range_value_t<X>>;
};
template <class F, class X>
requires requires {
    typename F::scalar_type;
}
struct scalar_of<F, X> {
    using type = typename F::scalar_type;
};
} // namespace detail

//! \brief The scalar type a solver works in: `F::scalar_type` if present, else the value type of
//! the start point `X`.
template <class F, class X>
using scalar_type_t = typename detail::scalar_of<F, X>::type;

namespace detail {
//! Readable compile-time checks used at the entry of every minimize().
template <class T, class X>
constexpr bool check_start_point() {
    static_assert(std::ranges::contiguous_range<X> && std::ranges::sized_range<X>,
                  "nabla::solvers: the start point must be a contiguous sized range "
                  "(std::array, std::vector, std::span)");
    static_assert(std::is_convertible_v<std::ranges::range_value_t<X>, T> ||
                      std::is_constructible_v<T, std::ranges::range_value_t<X>>,
                  "nabla::solvers: the start point's elements must convert to the objective's "
                  "scalar type");
    static_assert(!std::is_integral_v<T>,
                  "nabla::solvers: the scalar type is an integer type (deduced from the start "
                  "point?): write the start point with floating-point values, e.g. {-1.2, 1.0}, "
                  "or give the objective a `using scalar_type = double;`");
    return true;
}
template <class F, class T, class X>
constexpr bool check_objective() {
    static_assert(check_start_point<T, X>());
    static_assert(has_value<F, T>, "nabla::solvers: the objective must provide "
                                   "`T value(std::span<const T> x) const`");
    static_assert(has_value_gradient<F, T>,
                  "nabla::solvers: the objective must provide "
                  "`T value_gradient(std::span<const T> x, std::span<T> g) const`");
    return true;
}
template <class F, class T>
constexpr bool check_second_order() {
    static_assert(second_order_objective<F, T>,
                  "nabla::solvers: this solver needs second derivatives: the objective must "
                  "provide `T value_gradient_hessian(std::span<const T>, std::span<T> g, "
                  "std::span<T> H) const` or `void hessian_vector(std::span<const T> x, "
                  "std::span<const T> v, std::span<T> Hv) const`");
    return true;
}
//! Tag: no Hessian supplied to make_objective.
struct no_hessian {};
} // namespace detail

//! \brief An objective assembled from callables; see make_objective().
//! \tparam V  `T(std::span<const T> x)` returning \f$ f(x) \f$
//! \tparam VG `T(std::span<const T> x, std::span<T> g)` returning \f$ f(x) \f$, writing \f$ \nabla
//! f \f$ \tparam H  `T(std::span<const T> x, std::span<T> g, std::span<T> H)` or detail::no_hessian
template <class V, class VG, class H = detail::no_hessian>
class function_objective {
public:
    //! Stores the callables by value.
    constexpr function_objective(V v, VG vg, H h = {})
        : v_(std::move(v)), vg_(std::move(vg)), h_(std::move(h)) {}

    //! \f$ f(x) \f$.
    template <class T>
    T value(std::span<const T> x) const {
        return static_cast<T>(v_(x));
    }
    //! \f$ f(x) \f$ and \f$ g = \nabla f(x) \f$.
    template <class T>
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        return static_cast<T>(vg_(x, g));
    }
    //! \f$ f(x) \f$, \f$ g = \nabla f(x) \f$ and \f$ H = \nabla^2 f(x) \f$ (row-major).
    template <class T>
    requires(!std::is_same_v<H, detail::no_hessian>) T
        value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> h)
    const { return static_cast<T>(h_(x, g, h)); }

private:
    V v_;
    VG vg_;
    [[no_unique_address]] H h_;
};

//! \brief Wraps a value and a value-and-gradient callable into an objective.
//!
//! The callables may be generic lambdas (`[](auto x) { ... }`); the scalar type is then the
//! start point's value type.
//! \code
//! auto q = nabla::solvers::make_objective(
//!     [](std::span<const double> x) { return x[0] * x[0]; },
//!     [](std::span<const double> x, std::span<double> g) { g[0] = 2 * x[0]; return x[0] * x[0];
//!     });
//! \endcode
template <class V, class VG>
constexpr auto make_objective(V v, VG vg) {
    return function_objective<V, VG>(std::move(v), std::move(vg));
}

//! \brief As above, plus a callable `T(x, g, H)` that also writes the dense row-major Hessian.
template <class V, class VG, class H>
constexpr auto make_objective(V v, VG vg, H h) {
    return function_objective<V, VG, H>(std::move(v), std::move(vg), std::move(h));
}

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_OBJECTIVE_HPP
