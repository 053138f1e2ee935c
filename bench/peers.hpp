//! \file
//! \brief The peers: the benchmark functions written once over a generic scalar, differentiated
//! by Eigen's AutoDiffScalar (fixed-size derivative vector; nested for the Hessian) and by
//! Boost.Math's forward-mode autodiff (autodiff_fvar).
//!
//! Both peers get the cheaper textbook softplus log(1 + e^z) (neither library has log1p); the
//! data keep |z| small, so it is accurate here, and it can only favour the peers.
#ifndef NABLA_BENCH_PEERS_HPP
#define NABLA_BENCH_PEERS_HPP

#include "problems.hpp"

#include <Eigen/Core>
#include <boost/math/differentiation/autodiff.hpp>
#include <unsupported/Eigen/AutoDiff>

#include <cmath>

namespace bench::generic {

template <class T>
T rosenbrock2(std::array<T, 2> const& p) {
    const T a = 1.0 - p[0];
    const T b = p[1] - p[0] * p[0];
    return a * a + 100.0 * (b * b);
}

template <class T>
T rosenbrock10(std::array<T, 10> const& p) {
    T v = rosenbrock2(std::array<T, 2>{p[0], p[1]});
    for (std::size_t i = 2; i != 10; i += 2) {
        const T a = 1.0 - p[i];
        const T b = p[i + 1] - p[i] * p[i];
        v = v + 100.0 * (b * b) + a * a;
    }
    return v;
}

template <class T>
T logistic_term(std::array<T, 5> const& w, std::size_t k) {
    using std::exp;
    using std::log;
    auto const& a = logistic_a[k];
    T t = a[0] * w[0];
    for (std::size_t j = 1; j != logistic_dim; ++j)
        t = t + a[j] * w[j];
    const T z = -logistic_y[k] * t;
    return log(1.0 + exp(z));
}

template <class T>
T logistic(std::array<T, 5> const& w) {
    T v = logistic_term(w, 0);
    for (std::size_t k = 1; k != logistic_rows; ++k)
        v = v + logistic_term(w, k);
    return v;
}

} // namespace bench::generic

namespace bench::eigen {

template <int N>
using ad1 = Eigen::AutoDiffScalar<Eigen::Matrix<double, N, 1>>;
template <int N>
using ad2 = Eigen::AutoDiffScalar<Eigen::Matrix<ad1<N>, N, 1>>;

//! Value and gradient: one pass with an N-vector of derivatives.
template <std::size_t N, class F>
nabla::value_and_gradient<double, N> gradient(F f, std::array<double, N> const& p) {
    std::array<ad1<N>, N> v;
    for (std::size_t i = 0; i != N; ++i)
        v[i] = ad1<N>(p[i], N, static_cast<int>(i));
    const ad1<N> r = f(v);
    nabla::value_and_gradient<double, N> out;
    out.value = r.value();
    for (std::size_t i = 0; i != N; ++i)
        out.gradient[i] = r.derivatives()(i);
    return out;
}

//! Value, gradient and Hessian: one pass with nested AutoDiffScalars (the derivatives of the
//! derivatives), Eigen's idiom for second order.
template <std::size_t N, class F>
nabla::evaluation<double, N> hessian(F f, std::array<double, N> const& p) {
    std::array<ad2<N>, N> v;
    for (std::size_t i = 0; i != N; ++i) {
        v[i].value() = ad1<N>(p[i], N, static_cast<int>(i));
        for (std::size_t j = 0; j != N; ++j)
            v[i].derivatives()(j) = ad1<N>(i == j ? 1.0 : 0.0);
    }
    const ad2<N> r = f(v);
    nabla::evaluation<double, N> out;
    out.value = r.value().value();
    for (std::size_t i = 0; i != N; ++i) {
        out.gradient[i] = r.value().derivatives()(i);
        for (std::size_t j = 0; j != N; ++j)
            out.hessian(i, j) = r.derivatives()(i).derivatives()(j);
    }
    return out;
}

} // namespace bench::eigen

namespace bench::boost_ad {

namespace ad = boost::math::differentiation;

//! Value and gradient: N forward passes of a first-order fvar, one seeded variable each (the
//! one-pass nested make_ftuple<double, 1, ..., 1> would carry 2^N coefficients).
template <std::size_t N, class F>
nabla::value_and_gradient<double, N> gradient(F f, std::array<double, N> const& p) {
    using T = ad::autodiff_fvar<double, 1>;
    nabla::value_and_gradient<double, N> out;
    for (std::size_t i = 0; i != N; ++i) {
        std::array<T, N> v;
        for (std::size_t k = 0; k != N; ++k)
            v[k] = k == i ? ad::make_fvar<double, 1>(p[k]) : T(p[k]);
        const T r = f(v);
        out.value = r.derivative(0);
        out.gradient[i] = r.derivative(1);
    }
    return out;
}

//! Value, gradient and Hessian: a second-order fvar along each axis (diagonal and gradient) and
//! a make_ftuple<double, 1, 1> pair for each entry above the diagonal, N (N + 1) / 2 passes.
template <std::size_t N, class F>
nabla::evaluation<double, N> hessian(F f, std::array<double, N> const& p) {
    using T2 = ad::autodiff_fvar<double, 2>;
    using T11 = ad::autodiff_fvar<ad::autodiff_fvar<double, 1>, 1>;
    nabla::evaluation<double, N> out;
    for (std::size_t i = 0; i != N; ++i) {
        std::array<T2, N> v;
        for (std::size_t k = 0; k != N; ++k)
            v[k] = k == i ? ad::make_fvar<double, 2>(p[k]) : T2(p[k]);
        const T2 r = f(v);
        out.value = r.derivative(0);
        out.gradient[i] = r.derivative(1);
        out.hessian(i, i) = r.derivative(2);
        for (std::size_t j = i + 1; j != N; ++j) {
            std::array<T11, N> u;
            for (std::size_t k = 0; k != N; ++k)
                u[k] = T11(p[k]);
            auto const seeds = ad::make_ftuple<double, 1, 1>(p[i], p[j]);
            u[i] = std::get<0>(seeds);
            u[j] = std::get<1>(seeds);
            out.hessian(i, j) = out.hessian(j, i) = f(u).derivative(1, 1);
        }
    }
    return out;
}

} // namespace bench::boost_ad

#endif // NABLA_BENCH_PEERS_HPP
