//! \file
//! \brief `nabla::objective(loss, wrt(w, b), data, sized(w, d))`: a loss over a dataset as an
//! objective every solver accepts, with its gradient and Hessian-vector products generated, and
//! mini-batch gradients for the stochastic solvers.
#ifndef NABLA_SOLVERS_DATA_OBJECTIVE_HPP
#define NABLA_SOLVERS_DATA_OBJECTIVE_HPP

#include <nabla/symbolic/data/evaluate.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <tuple>
#include <utility>

namespace nabla {

//! \brief The size of a vector or matrix symbol among an objective's variables: `sized(w, d)`,
//! `sized(W, rows, cols)`.
template <class S>
struct symbol_size {
    //! Rows (the length of a vector).
    std::size_t rows = 1;
    //! Columns (1 for a vector).
    std::size_t cols = 1;
};

//! \brief A vector symbol's length.
template <fixed_string Name>
constexpr symbol_size<vec<Name>> sized(vec<Name> const&, std::size_t length) {
    return {length, 1};
}
//! \brief A matrix symbol's dimensions.
template <fixed_string Name>
constexpr symbol_size<mat<Name>> sized(mat<Name> const&, std::size_t rows, std::size_t cols) {
    return {rows, cols};
}

namespace detail {
template <class T>
inline constexpr bool is_symbol_size_v = false;
template <class S>
inline constexpr bool is_symbol_size_v<symbol_size<S>> = true;
} // namespace detail

//! \brief The objective \f$ x \mapsto \text{loss} \f$ over a dataset, where \f$ x \f$ stacks the
//! symbols of `wrt(...)` in order (a vector's elements, a matrix's row-major elements, a scalar),
//! with the loss's other parameters fixed by bindings.
//!
//! It is a finite-sum objective: `value_gradient_sample` evaluates the mean over a subset of the
//! rows for the stochastic solvers (the loss must then be a mean over rows plus terms that do not
//! depend on the data). Hessian-vector products are the directional derivative of the symbolic
//! gradient along \f$ v \f$, in one pass over the data.
template <class F, class W, class Data, class Sizes, class Fixed>
class data_objective;

//! \brief The objective of the loss \p F over \p Data with respect to the symbols \p Vs (sizes
//! \p Ss, fixed bindings \p Bs); made by `nabla::objective(loss, wrt(...), data, sized(...))`.
template <class F, class... Vs, class Data, class... Ss, class... Bs>
class data_objective<F, wrt_t<Vs...>, Data, std::tuple<Ss...>, std::tuple<Bs...>> {
public:
    //! Stores the loss, the dataset, the sizes of the vector and matrix variables and the
    //! bindings of the other parameters; throws `data_error` if a variable's size is missing.
    data_objective(F f, Data data, std::tuple<Ss...> sizes, std::tuple<Bs...> fixed)
        : f_(f), data_(std::move(data)), fixed_(std::move(fixed)) {
        std::size_t offset = 0;
        std::size_t k = 0;
        (place<Vs>(sizes, offset, k), ...);
        dimension_ = offset;
    }

    //! \f$ n \f$, the number of scalar variables.
    [[nodiscard]] std::size_t dimension() const { return dimension_; }
    //! The number of data rows.
    [[nodiscard]] std::size_t sample_count() const { return data_.size(); }

    //! The loss at \p x.
    template <class T>
    T value(std::span<const T> x) const {
        return std::get<0>(run(data_, x, f_));
    }

    //! The loss at \p x, its gradient written into \p g.
    template <class T>
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        return value_gradient_on(data_, x, g);
    }

    //! The mean loss over the rows \p indices, its gradient into \p g.
    template <class T>
    T value_gradient_sample(std::span<const T> x, std::span<const std::size_t> indices,
                            std::span<T> g) const {
        return value_gradient_on(data_.rows(indices), x, g);
    }

    //! \f$ \nabla^2 f(x)\, v \f$ into \p hv: the derivative of the gradient along \f$ v \f$.
    template <class T>
    void hessian_vector(std::span<const T> x, std::span<const T> v, std::span<T> hv) const {
        if (v.size() != dimension_)
            throw data_error("nabla::objective: the direction has " + std::to_string(v.size()) +
                             " elements, the objective " + std::to_string(dimension_));
        const auto g = gradient(f_, wrt_t<Vs...>{});
        boost::hana::unpack(g.elements, [&](auto const&... es) {
            const auto values =
                run_bound(data_, x, std::index_sequence_for<Vs...>{},
                          directions(v, std::index_sequence_for<Vs...>{}), along_all(es)...);
            scatter<0>(values, hv, std::index_sequence_for<Vs...>{});
        });
    }

private:
    //! \f$ \sum_j \partial_{v_j} g \f$: the derivative of \p g along every variable's direction.
    template <class G>
    static constexpr auto along_all(G const& g) {
        return add_all(detail::diff<direction<Vs>>(g)...);
    }
    template <class A>
    static constexpr auto add_all(A const& a) {
        return a;
    }
    template <class A, class B, class... R>
    static constexpr auto add_all(A const& a, B const& b, R const&... r) {
        return add_all(detail::make_add(a, b), r...);
    }

    template <class V>
    void place(std::tuple<Ss...> const& sizes, std::size_t& offset, std::size_t& k) {
        offsets_[k] = offset;
        if constexpr (is_scalar_v<V>) {
            rows_[k] = cols_[k] = 1;
        } else {
            constexpr bool given = (std::is_same_v<Ss, symbol_size<V>> || ...);
            static_assert(given, "nabla::objective: give the size of every vector or matrix "
                                 "variable, e.g. nabla::sized(w, d)");
            const auto s = std::get<symbol_size<V>>(sizes);
            rows_[k] = s.rows;
            cols_[k] = s.cols;
        }
        offset += rows_[k] * cols_[k];
        ++k;
    }

    //! The binding of symbol \p S to the part of \p x of variable \p K, \p V.
    template <std::size_t K, class V, class S, class T>
    auto bind(std::span<const T> x) const {
        const T* p = x.data() + offsets_[K];
        if constexpr (is_scalar_v<V>) {
            return binding_of<S>(*p);
        } else if constexpr (is_vector_v<V>) {
            return binding_of<S>(std::span<const T>(p, rows_[K]));
        } else {
            return binding_of<S>(matrix_view<T>{p, rows_[K], cols_[K]});
        }
    }
    template <class V, class U>
    static auto binding_of(U value) {
        return detail::named_binding<V, U>{value};
    }

    template <class D, class T, class... Es>
    auto run(D const& data, std::span<const T> x, Es const&... outs) const {
        return run_bound(data, x, std::index_sequence_for<Vs...>{}, std::tuple<>{}, outs...);
    }
    template <class D, class T, std::size_t... K, class Extra, class... Es>
    auto run_bound(D const& data, std::span<const T> x, std::index_sequence<K...>,
                   Extra const& extra, Es const&... outs) const {
        if (x.size() != dimension_)
            throw data_error("nabla::objective: the point has " + std::to_string(x.size()) +
                             " elements, the objective " + std::to_string(dimension_));
        auto params = std::tuple_cat(std::tuple(bind<K, Vs, Vs>(x)...), extra, fixed_);
        return detail::eval_outputs(data, params, outs...);
    }
    //! The bindings of the directions of every variable to their parts of \p v.
    template <class T, std::size_t... K>
    auto directions(std::span<const T> v, std::index_sequence<K...>) const {
        return std::tuple(bind<K, Vs, direction<Vs>>(v)...);
    }

    template <class D, class T>
    T value_gradient_on(D const& data, std::span<const T> x, std::span<T> g) const {
        const auto grad = gradient(f_, wrt_t<Vs...>{});
        return boost::hana::unpack(grad.elements, [&](auto const&... es) {
            const auto values = run(data, x, f_, es...);
            scatter<1>(values, g, std::index_sequence_for<Vs...>{});
            return T(std::get<0>(values));
        });
    }

    //! Writes the values of the variables, elements from \p First on of \p values, into \p out.
    template <std::size_t First, class Tuple, class T, std::size_t... K>
    void scatter(Tuple const& values, std::span<T> out, std::index_sequence<K...>) const {
        (write<K>(std::get<First + K>(values), out), ...);
    }

    template <std::size_t K, class R, class T>
    void write(R const& r, std::span<T> out) const {
        T* p = out.data() + offsets_[K];
        const std::size_t n = rows_[K] * cols_[K];
        if constexpr (std::is_convertible_v<R, T>) {
            std::fill(p, p + n, T(r)); // a scalar standing for equal elements
        } else if constexpr (requires { r.size(); }) {
            std::copy(r.begin(), r.end(), p);
        } else {
            std::copy(r.data(), r.data() + n, p);
        }
    }

    F f_;
    Data data_;
    std::tuple<Bs...> fixed_;
    std::array<std::size_t, sizeof...(Vs)> offsets_{};
    std::array<std::size_t, sizeof...(Vs)> rows_{};
    std::array<std::size_t, sizeof...(Vs)> cols_{};
    std::size_t dimension_ = 0;
};

//! \brief The objective of a loss over a dataset: `objective(loss, wrt(w, b), data, sized(w, d),
//! lambda = 0.1)`; give the size of every vector and matrix variable, and bind the loss's other
//! parameters by name.
template <expression F, class... Vs, class... Ds, class... Args>
auto objective(F const& loss, wrt_t<Vs...>, dataset<Ds...> data, Args const&... args) {
    auto sizes = std::tuple_cat([&] {
        if constexpr (detail::is_symbol_size_v<Args>)
            return std::tuple<Args>(args);
        else
            return std::tuple<>{};
    }()...);
    auto fixed = std::tuple_cat([&] {
        if constexpr (detail::is_symbol_size_v<Args>)
            return std::tuple<>{};
        else
            return std::tuple<Args>(args);
    }()...);
    static_assert(((detail::is_symbol_size_v<Args> || is_binding_v<Args>)&&...),
                  "nabla::objective: after the dataset, pass sizes such as nabla::sized(w, d) "
                  "and bindings such as lambda = 0.1");
    return data_objective<F, wrt_t<Vs...>, dataset<Ds...>, decltype(sizes), decltype(fixed)>(
        loss, std::move(data), sizes, fixed);
}

} // namespace nabla

#endif // NABLA_SOLVERS_DATA_OBJECTIVE_HPP
