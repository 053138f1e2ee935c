//! \file
//! \brief Evaluation over a dataset: `eval(f, data, bindings...)`, `eval_all(loss, wrt(...),
//! data, bindings...)`, `hessian_vector` and `dense_hessian`.
//!
//! The outputs share one program: every distinct per-row node is computed once per row for all
//! of them, and vector nodes are loops over their elements in SIMD lanes (xsimd batches for
//! float and double), with cheap element-wise nodes fused into the loop that consumes them.
//! Data is expected row-major (one sample per row, as read from a CSV file); a row symbol views
//! its row in place.
#ifndef NABLA_SYMBOLIC_DATA_EVALUATE_HPP
#define NABLA_SYMBOLIC_DATA_EVALUATE_HPP

#include <nabla/symbolic/data/dense_matrix.hpp>
#include <nabla/symbolic/data/run.hpp>
#include <nabla/symbolic/diff/gradient.hpp>

#include <boost/hana/flatten.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/unpack.hpp>

#include <cstddef>
#include <span>
#include <tuple>
#include <type_traits>
#include <vector>

namespace nabla {

namespace detail {

//! The scalar type of a parameter binding's elements.
template <class V>
struct element_type {
    using type = V;
};
template <class U>
struct element_type<std::span<const U>> {
    using type = U;
};
template <class U>
struct element_type<matrix_view<U>> {
    using type = U;
};
template <class B>
using binding_scalar_t = typename element_type<std::remove_cvref_t<decltype(B::value)>>::type;

//! The scalar type of an evaluation: the common type of the parameters' (double if none).
template <class... Bs>
using evaluation_scalar_t =
    typename std::conditional_t<sizeof...(Bs) == 0, std::type_identity<double>,
                                std::common_type<binding_scalar_t<Bs>...>>::type;

//! What an output of shape like \p E evaluates to.
template <class E, class T>
using data_result_t =
    std::conditional_t<is_scalar_v<E>, T,
                       std::conditional_t<is_vector_v<E>, std::vector<T>, dense_matrix<T>>>;

template <class E, class T, class Values>
data_result_t<E, T> read_output(Values const& v) {
    if constexpr (is_scalar_v<E>) {
        return v.template scalar_value<E>();
    } else if constexpr (is_vector_v<E>) {
        constexpr std::size_t i = Values::template at<E>;
        std::vector<T> out(v.len[i]);
        for_each_lane<T>(out.size(), [&]<class L>(std::size_t k) {
            store_lanes(v.template element<E, L>(k, 0), out.data() + k);
        });
        return out;
    } else {
        constexpr std::size_t i = Values::template at<E>;
        dense_matrix<T> out(v.len[i], v.cols[i]);
        for (std::size_t r = 0; r != out.rows(); ++r)
            for_each_lane<T>(out.cols(), [&]<class L>(std::size_t k) {
                store_lanes(v.template element<E, L>(r, k, 0), out.data() + r * out.cols() + k);
            });
        return out;
    }
}

template <class... Es>
constexpr void check_data_outputs() {
    static_assert(((phase_of<Es>() != phase::per_row) && ...),
                  "nabla::eval: an output uses a data symbol outside mean(...) or "
                  "sum_rows(...); a per-row value has no single value over a dataset");
}

//! The numbers one row of \p data holds, over all its bindings.
template <class Data>
std::size_t row_values(Data const& data) {
    return std::apply(
        [](auto const&... b) {
            return (std::size_t{0} + ... + [&] {
                if constexpr (requires { b.value.cols; })
                    return b.value.cols;
                else
                    return std::size_t{1};
            }());
        },
        data.bindings());
}

//! Rows are evaluated one at a time, rather than in groups of a batch's width, once a group
//! would hold at least this many bytes (half a 32 KB first-level cache), in programs that add
//! rows into a vector (a gradient). A row is then read from memory once and used again from that
//! cache: its dot product, its scalar work, and adding it into the gradient follow each other. A
//! group of long rows no longer fits in that cache between its dot products and that addition.
//! Programs that read each row once (a loss's value) keep the groups, and compile one loop.
//! Measured with AVX-512 doubles (bench/data_losses.cpp, docs/performance.md): d = 512 went from
//! 15-17 to 19-20 GB/s; from d = 128 to 384 the two orders are within the noise of each other,
//! below that groups win (d = 32: 21 against 9).
inline constexpr std::size_t long_group_bytes = 16384;

//! Evaluates the outputs \p outs on \p data with the parameter bindings \p params.
template <class Data, class... Bs, class... Es>
auto eval_outputs(Data const& data, std::tuple<Bs...> const& params, Es const&... outs) {
    check_data_outputs<Es...>();
    using T = evaluation_scalar_t<Bs...>;
    using program = data_program<Es...>;
    constexpr std::size_t pool_size = std::max({std::size_t{0}, next_id_v<Es>...});
    constant_pool<pool_size> pool{};
    (collect_constants(pool, outs), ...);
    constexpr std::size_t width = width_v<batch_t<T>>;
    if constexpr (width > 1 && program::sums_vectors) {
        if (row_values(data) * sizeof(T) * width >= long_group_bytes) {
            const data_run<T, program, pool_size, Data, std::tuple<Bs...>, 1> run(pool, data,
                                                                                  params);
            return std::tuple<data_result_t<Es, T>...>{read_output<Es, T>(run.values())...};
        }
    }
    const data_run<T, program, pool_size, Data, std::tuple<Bs...>, width> run(pool, data, params);
    return std::tuple<data_result_t<Es, T>...>{read_output<Es, T>(run.values())...};
}

//! A value bound to the symbol \p S by the library itself (the coordinates of an objective's
//! point, the direction of a Hessian-vector product), read by name like a user's binding.
template <class S, class U>
struct named_binding {
    //! The value.
    U value;
    //! The symbol's name.
    static constexpr std::string_view name() noexcept { return S::name(); }
};

//! The binding of the direction of a Hessian-vector product along symbol \p W.
template <class W, class U>
using direction_binding = named_binding<direction<W>, std::span<const U>>;

template <class... Bs>
constexpr void check_parameter_bindings() {
    static_assert((is_binding_v<Bs> && ...),
                  "nabla::eval: after the dataset, pass parameter bindings such as w = w0, "
                  "b = 0.0");
}

template <expression F, class W, class... Ds, std::ranges::contiguous_range V, class... Bs>
auto hessian_vector_along(F const& loss, W const&, dataset<Ds...> const& data, V const& v,
                          Bs const&... bindings) {
    detail::check_parameter_bindings<Bs...>();
    static_assert(is_vector_v<W> && is_symbol_v<W>, "nabla::hessian_vector: the symbol must be "
                                                    "a vector symbol such as nabla::vec<\"w\">");
    using T = detail::evaluation_scalar_t<Bs...>;
    const auto hv = detail::diff<direction<W>>(detail::reverse_gradient<W>(loss));
    if constexpr (is_scalar_v<decltype(hv)>) {
        return std::vector<T>(std::ranges::size(v), T(0)); // the gradient does not vary with w
    } else {
        using U = std::remove_cvref_t<std::ranges::range_value_t<V>>;
        const detail::direction_binding<W, U> along{std::span<const U>(v)};
        return std::get<0>(
            detail::eval_outputs(data, std::tuple<Bs..., decltype(along)>(bindings..., along), hv));
    }
}

//! The first argument that is not a binding.
template <class A, class... Rest>
constexpr auto const& first_non_binding(A const& a, Rest const&... rest) {
    if constexpr (!is_binding_v<A>)
        return a;
    else
        return first_non_binding(rest...);
}

//! The bindings among \p args, as a Hana tuple of references.
template <class... Args>
constexpr auto bindings_among(Args const&... args) {
    return boost::hana::flatten(boost::hana::make_tuple([&]() {
        if constexpr (is_binding_v<Args>)
            return boost::hana::make_tuple(args);
        else
            return boost::hana::make_tuple();
    }()...));
}

} // namespace detail

//! \brief The value of \p f, a scalar, vector or matrix expression that may take means or sums
//! over the rows of \p data, with its parameters bound by name: `eval(loss, data, w = w0,
//! b = 0.0)`. A scalar for a scalar, `std::vector<T>` for a vector, `dense_matrix<T>` for a
//! matrix; the scalar type is that of the parameters.
template <expression F, class... Ds, class... Bs>
auto eval(F const& f, dataset<Ds...> const& data, Bs const&... bindings) {
    detail::check_parameter_bindings<Bs...>();
    return std::get<0>(detail::eval_outputs(data, std::tuple<Bs...>(bindings...), f));
}

//! \brief Every element of a gradient over \p data, in one pass: a `std::tuple` of the
//! elements' values, e.g. `auto [gw, gb] = eval(gradient(loss, w, b), data, w = w0, b = 0.0)`.
template <class... Es, class... Ds, class... Bs>
auto eval(expression_vector<Es...> const& g, dataset<Ds...> const& data, Bs const&... bindings) {
    detail::check_parameter_bindings<Bs...>();
    return boost::hana::unpack(g.elements, [&](auto const&... es) {
        return detail::eval_outputs(data, std::tuple<Bs...>(bindings...), es...);
    });
}

//! \brief The value of \p loss and its gradient with respect to the symbols of \p w over
//! \p data, in one pass: `auto [f, gw, gb] = eval_all(loss, wrt(w, b), data, w = w0, b = 0.0)`.
template <expression F, class... Vs, class... Ds, class... Bs>
auto eval_all(F const& loss, wrt_t<Vs...> w, dataset<Ds...> const& data, Bs const&... bindings) {
    detail::check_parameter_bindings<Bs...>();
    const auto g = gradient(loss, w);
    return boost::hana::unpack(g.elements, [&](auto const&... es) {
        return detail::eval_outputs(data, std::tuple<Bs...>(bindings...), loss, es...);
    });
}

//! \brief \f$ \nabla^2_{w} f \, v \f$, the Hessian of \p loss with respect to the vector symbol
//! \p w times the vector \p v, over \p data: the directional derivative of the symbolic gradient
//! along \p v, one pass over the data, never the Hessian itself.
//! \code
//! auto hv = nabla::hessian_vector(loss, w, data, v, w = w0, b = 0.0);
//! \endcode
//! \brief \f$ \nabla^2_{w} f \, v \f$, the Hessian of \p loss with respect to the vector symbol
//! \p w times the vector \p v, over \p data: the directional derivative of the symbolic gradient
//! along \p v, one pass over the data, never the Hessian itself. After the dataset come the
//! parameter bindings and the direction \f$ v \f$ (a contiguous range), in any order.
//! \code
//! auto hv = nabla::hessian_vector(loss, w, data, w = w0, b = 0.0, v);
//! \endcode
template <expression F, class W, class... Ds, class... Args>
auto hessian_vector(F const& loss, W const& w, dataset<Ds...> const& data, Args const&... args) {
    constexpr std::size_t directions = (std::size_t{!is_binding_v<Args>} + ... + 0);
    static_assert(directions == 1, "nabla::hessian_vector: after the dataset, pass the parameter "
                                   "bindings (w = w0, ...) and one direction v (a vector)");
    auto const& v = detail::first_non_binding(args...);
    return boost::hana::unpack(detail::bindings_among(args...), [&](auto const&... bindings) {
        return detail::hessian_vector_along(loss, w, data, v, bindings...);
    });
}

//! \brief The dense Hessian \f$ \nabla^2_w f \f$ of \p loss with respect to the vector symbol
//! \p w over \p data, for small dimensions: column \f$ j \f$ is `hessian_vector` along
//! \f$ e_j \f$, so it costs \f$ d \f$ passes over the data. For logistic regression the rules
//! give \f$ \frac{1}{n} X^\top \operatorname{diag}(\sigma_i (1 - \sigma_i)) X + \lambda I \f$.
template <expression F, class W, class... Ds, class... Bs>
auto dense_hessian(F const& loss, W const& w, dataset<Ds...> const& data, Bs const&... bindings) {
    using T = detail::evaluation_scalar_t<Bs...>;
    constexpr std::size_t k = detail::binding_index_v<W, Bs...>;
    static_assert(k < sizeof...(Bs), "nabla::dense_hessian: bind the symbol w");
    const std::size_t d = std::get<k>(std::tuple<Bs const&...>(bindings...)).value.size();
    dense_matrix<T> h(d, d);
    std::vector<T> e(d, T(0));
    for (std::size_t j = 0; j != d; ++j) {
        e[j] = T(1);
        const std::vector<T> column = detail::hessian_vector_along(loss, w, data, e, bindings...);
        for (std::size_t i = 0; i != d; ++i)
            h(i, j) = column[i];
        e[j] = T(0);
    }
    return h;
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_DATA_EVALUATE_HPP
