//! \file
//! \brief `nabla::objective`: an expression and the symbols to optimise over, as an objective
//! every solver accepts, with value, gradient, Hessian and Hessian-vector products generated.
#ifndef NABLA_SOLVERS_EXPRESSION_OBJECTIVE_HPP
#define NABLA_SOLVERS_EXPRESSION_OBJECTIVE_HPP

#include <nabla/symbolic/eval/eval_all.hpp>

#include <cstddef>
#include <span>
#include <tuple>

namespace nabla {

//! \brief The objective \f$ x \mapsto f(x) \f$ over the symbols of `wrt(...)`, in their order,
//! with every other symbol of \f$ f \f$ fixed by the bindings given at construction.
//!
//! Works in any scalar type the solver uses (the member functions are templates): value alone,
//! value and gradient in one pass, value, gradient and dense Hessian in one pass, and
//! Hessian-vector products (through the dense Hessian, which is cheap at the sizes where a scalar
//! expression has one symbol per variable).
template <class F, class W, class... Bs>
class expression_objective;

//! \brief The objective of the expression \p F with respect to the symbols \p Vs, the other
//! symbols bound by \p Bs.
template <class F, class... Vs, class... Bs>
class expression_objective<F, wrt_t<Vs...>, Bs...> {
public:
    //! The number of variables.
    static constexpr std::size_t size = sizeof...(Vs);

    //! Stores the expression and the bindings of the symbols that are not variables.
    constexpr explicit expression_objective(F f, Bs... bindings) : f_(f), bindings_(bindings...) {}

    //! \f$ n \f$; solvers check the start point against it.
    [[nodiscard]] constexpr std::size_t dimension() const { return size; }

    //! \f$ f(x) \f$.
    template <class T>
    T value(std::span<const T> x) const {
        return std::apply([&](auto const&... b) { return T(eval_value(f_, w(), x, b...)); },
                          bindings_);
    }

    //! \f$ f(x) \f$, writing \f$ \nabla f(x) \f$ into \p g.
    template <class T>
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        const auto r = std::apply([&](auto const&... b) { return eval_gradient(f_, w(), x, b...); },
                                  bindings_);
        for (std::size_t i = 0; i != size; ++i)
            g[i] = r.gradient[i];
        return r.value;
    }

    //! \f$ f(x) \f$, writing \f$ \nabla f(x) \f$ into \p g and \f$ \nabla^2 f(x) \f$ (row-major)
    //! into \p h.
    template <class T>
    T value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> h) const {
        const auto r =
            std::apply([&](auto const&... b) { return eval_all(f_, w(), x, b...); }, bindings_);
        for (std::size_t i = 0; i != size; ++i) {
            g[i] = r.gradient[i];
            for (std::size_t j = 0; j != size; ++j)
                h[i * size + j] = r.hessian(i, j);
        }
        return r.value;
    }

    //! \f$ \nabla^2 f(x)\, v \f$ into \p hv.
    template <class T>
    void hessian_vector(std::span<const T> x, std::span<const T> v, std::span<T> hv) const {
        const auto r =
            std::apply([&](auto const&... b) { return eval_all(f_, w(), x, b...); }, bindings_);
        for (std::size_t i = 0; i != size; ++i) {
            T sum(0);
            for (std::size_t j = 0; j != size; ++j)
                sum += r.hessian(i, j) * v[j];
            hv[i] = sum;
        }
    }

    //! The expression.
    [[nodiscard]] constexpr F const& expression() const { return f_; }

private:
    static constexpr wrt_t<Vs...> w() { return {}; }
    F f_;
    std::tuple<Bs...> bindings_;
};

//! \brief The objective \f$ f \f$ over the symbols of \p w; symbols of \p f not in \p w are bound
//! by name: `nabla::objective(f, nabla::wrt(x, y), lambda = 0.1)`.
template <expression F, class... Vs, class... Bs>
constexpr auto objective(F const& f, wrt_t<Vs...>, Bs const&... bindings) {
    static_assert((is_binding_v<Bs> && ...),
                  "nabla::objective: after wrt(...), pass bindings such as lambda = 0.1");
    return expression_objective<F, wrt_t<Vs...>, Bs...>(f, bindings...);
}

} // namespace nabla

#endif // NABLA_SOLVERS_EXPRESSION_OBJECTIVE_HPP
