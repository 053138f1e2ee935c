// The model zoo: every loss's gradient against its hand-derived formula and against 50-digit
// differences of the loss, and its curvature against 50-digit second differences.
#include "fixtures.hpp"

#include <nabla/models.hpp>

namespace {

using namespace nabla_test;
using nabla::sized;
using nabla::wrt;

constexpr nabla::vec<"w"> w;
constexpr nabla::var<"b"> b;
constexpr nabla::row<"x"> x;
constexpr nabla::col<"y"> y;

constexpr std::size_t n = 24;
constexpr std::size_t d = 5;

//! Random features, targets and labels in {-1, +1}, and a point (w, b).
struct linear_fixture {
    normal_source random{7};
    nabla::dense_matrix<double> X = random.matrix(n, d);
    std::vector<double> target = random.vector(n);
    std::vector<double> label = [&] {
        std::vector<double> l(n);
        for (auto& e : l)
            e = random() > 0 ? 1.0 : -1.0;
        return l;
    }();
    std::vector<double> point = random.vector(d + 1, 0.5); // w, then b

    double margin(std::size_t i) const {
        double z = point[d];
        for (std::size_t j = 0; j != d; ++j)
            z += point[j] * X(i, j);
        return z;
    }
    //! \f$ \frac{1}{n} \sum_i c_i (x_i, 1) \f$ plus \f$ (\rho_j, 0) \f$.
    template <class C, class R>
    std::vector<double> mean_of(C coefficient, R regulariser) const {
        std::vector<double> g(d + 1, 0.0);
        for (std::size_t i = 0; i != n; ++i) {
            const double c = coefficient(i);
            for (std::size_t j = 0; j != d; ++j)
                g[j] += c * X(i, j) / n;
            g[d] += c / n;
        }
        for (std::size_t j = 0; j != d; ++j)
            g[j] += regulariser(point[j]);
        return g;
    }
};

auto no_regulariser = [](double) { return 0.0; };

BOOST_FIXTURE_TEST_CASE(least_squares_and_ridge, linear_fixture) {
    auto data = nabla::dataset(x = X, y = target);
    const auto ls =
        nabla::objective(nabla::models::least_squares(w, b, x, y), wrt(w, b), data, sized(w, d));
    auto residual = [&](std::size_t i) { return margin(i) - target[i]; };
    check_gradient(ls, point, mean_of(residual, no_regulariser));
    check_curvature(ls, point, random);

    const auto ridge =
        nabla::objective(nabla::models::ridge(w, b, x, y, 0.3), wrt(w, b), data, sized(w, d));
    check_gradient(ridge, point, mean_of(residual, [](double wj) { return 0.3 * wj; }));
}

BOOST_FIXTURE_TEST_CASE(lasso_subgradient, linear_fixture) {
    auto data = nabla::dataset(x = X, y = target);
    const auto lasso =
        nabla::objective(nabla::models::lasso(w, b, x, y, 0.2), wrt(w, b), data, sized(w, d));
    auto residual = [&](std::size_t i) { return margin(i) - target[i]; };
    check_gradient(lasso, point,
                   mean_of(residual, [](double wj) { return 0.2 * (wj > 0 ? 1.0 : -1.0); }));
}

BOOST_FIXTURE_TEST_CASE(huber, linear_fixture) {
    auto data = nabla::dataset(x = X, y = target);
    const double delta = 0.8;
    const auto f =
        nabla::objective(nabla::models::huber(w, b, x, y, delta), wrt(w, b), data, sized(w, d));
    auto clipped = [&](std::size_t i) { return std::clamp(margin(i) - target[i], -delta, delta); };
    check_gradient(f, point, mean_of(clipped, no_regulariser));
}

BOOST_FIXTURE_TEST_CASE(logistic_regression, linear_fixture) {
    auto data = nabla::dataset(x = X, y = label);
    const double lambda = 0.05;
    const auto f =
        nabla::objective(nabla::models::logistic(w, b, x, y, lambda), wrt(w, b), data, sized(w, d));
    auto coefficient = [&](std::size_t i) { return -label[i] * sigmoid(-label[i] * margin(i)); };
    check_gradient(f, point, mean_of(coefficient, [&](double wj) { return lambda * wj; }));
    check_curvature(f, point, random);
}

BOOST_FIXTURE_TEST_CASE(support_vector_machines, linear_fixture) {
    auto data = nabla::dataset(x = X, y = label);
    const double lambda = 0.1;
    auto slack = [&](std::size_t i) { return std::max(0.0, 1 - label[i] * margin(i)); };
    const auto hinge =
        nabla::objective(nabla::models::hinge(w, b, x, y, lambda), wrt(w, b), data, sized(w, d));
    check_gradient(hinge, point,
                   mean_of([&](std::size_t i) { return slack(i) > 0 ? -label[i] : 0.0; },
                           [&](double wj) { return lambda * wj; }));
    const auto squared = nabla::objective(nabla::models::squared_hinge(w, b, x, y, lambda),
                                          wrt(w, b), data, sized(w, d));
    check_gradient(squared, point,
                   mean_of([&](std::size_t i) { return -2 * label[i] * slack(i); },
                           [&](double wj) { return lambda * wj; }));
    check_curvature(squared, point, random);
}

BOOST_AUTO_TEST_CASE(softmax_regression) {
    constexpr nabla::mat<"W"> W;
    constexpr nabla::vec<"c"> c;
    constexpr nabla::row<"t"> t;
    constexpr std::size_t k = 3;
    normal_source random{11};
    const auto X = random.matrix(n, d);
    nabla::dense_matrix<double> onehot(n, k);
    for (std::size_t i = 0; i != n; ++i)
        onehot(i, i % k) = 1.0;
    auto data = nabla::dataset(x = X, t = onehot);
    const auto f = nabla::objective(nabla::models::softmax_cross_entropy(W, c, x, t), wrt(W, c),
                                    data, sized(W, k, d), sized(c, k));
    const std::vector<double> point = random.vector(k * d + k, 0.5);
    // p = softmax(W x + c); gradient mean((p - t) x') and mean(p - t)
    std::vector<double> expected(k * d + k, 0.0);
    for (std::size_t i = 0; i != n; ++i) {
        std::vector<double> s(k);
        double top = -1e300, total = 0;
        for (std::size_t r = 0; r != k; ++r) {
            s[r] = point[k * d + r];
            for (std::size_t j = 0; j != d; ++j)
                s[r] += point[r * d + j] * X(i, j);
            top = std::max(top, s[r]);
        }
        for (std::size_t r = 0; r != k; ++r)
            total += std::exp(s[r] - top);
        for (std::size_t r = 0; r != k; ++r) {
            const double e = std::exp(s[r] - top) / total - onehot(i, r);
            for (std::size_t j = 0; j != d; ++j)
                expected[r * d + j] += e * X(i, j) / n;
            expected[k * d + r] += e / n;
        }
    }
    check_gradient(f, point, expected);
    check_curvature(f, point, random);
}

//! The one-hidden-layer network: back-propagation written by hand.
template <nabla::models::activation A>
void check_network(unsigned seed) {
    constexpr nabla::mat<"W"> W;
    constexpr nabla::vec<"c"> c;
    constexpr nabla::vec<"v"> v;
    constexpr std::size_t h = 4;
    normal_source random{seed};
    const auto X = random.matrix(n, d);
    const auto target = random.vector(n);
    auto data = nabla::dataset(x = X, y = target);
    const auto f =
        nabla::objective(nabla::models::network_squared_loss<A>(W, c, v, b, x, y), wrt(W, c, v, b),
                         data, sized(W, h, d), sized(c, h), sized(v, h));
    const std::vector<double> point = random.vector(h * d + 2 * h + 1, 0.7);
    const double* Wp = point.data();
    const double* cp = Wp + h * d;
    const double* vp = cp + h;
    const double bias = vp[h];
    std::vector<double> expected(point.size(), 0.0);
    for (std::size_t i = 0; i != n; ++i) {
        std::vector<double> a(h), slope(h);
        double out = bias;
        for (std::size_t r = 0; r != h; ++r) {
            double u = cp[r];
            for (std::size_t j = 0; j != d; ++j)
                u += Wp[r * d + j] * X(i, j);
            if constexpr (A == nabla::models::activation::tanh) {
                a[r] = std::tanh(u);
                slope[r] = 1 - a[r] * a[r];
            } else {
                a[r] = std::max(u, 0.0);
                slope[r] = u > 0 ? 1.0 : 0.0;
            }
            out += vp[r] * a[r];
        }
        const double error = out - target[i];
        for (std::size_t r = 0; r != h; ++r) {
            const double back = error * vp[r] * slope[r];
            for (std::size_t j = 0; j != d; ++j)
                expected[r * d + j] += back * X(i, j) / n;
            expected[h * d + r] += back / n;
            expected[h * d + h + r] += error * a[r] / n;
        }
        expected[h * d + 2 * h] += error / n;
    }
    check_gradient(f, point, expected);
    check_curvature(f, point, random);
}

BOOST_AUTO_TEST_CASE(network_tanh) {
    check_network<nabla::models::activation::tanh>(13);
}
BOOST_AUTO_TEST_CASE(network_relu) {
    check_network<nabla::models::activation::relu>(17);
}

} // namespace
