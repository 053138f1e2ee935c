// Datasets: mini-batches and samples, thread-count independence, the dense Hessian of logistic
// regression, real data, and clear errors on bad input.
#include "fixtures.hpp"

#include <nabla/models.hpp>
#include <nabla/solvers/lbfgs.hpp>
#include <nabla/symbolic/data/csv.hpp>
#include <nabla/symbolic/data/standardize.hpp>

#include <string>

namespace {

using namespace nabla_test;

constexpr nabla::vec<"w"> w;
constexpr nabla::var<"b"> b;
constexpr nabla::row<"x"> x;
constexpr nabla::col<"y"> y;

BOOST_AUTO_TEST_CASE(batches_samples_and_threads) {
    constexpr std::size_t n = 5000, d = 9; // several blocks of rows
    normal_source random{3};
    const auto X = random.matrix(n, d);
    const auto Y = random.vector(n);
    const auto w0 = random.vector(d);
    const auto loss = nabla::models::least_squares(w, b, x, y);
    auto data = nabla::dataset(x = X, y = Y);
    // hand: the mean residual over rows [100, 160) and over a sample with a repeat
    auto residual = [&](std::size_t i) {
        double r = 0.25 - Y[i];
        for (std::size_t j = 0; j != d; ++j)
            r += w0[j] * X(i, j);
        return r;
    };
    double range_mean = 0;
    for (std::size_t i = 100; i != 160; ++i)
        range_mean += residual(i) / 60;
    auto [gw, gb] = nabla::eval(nabla::gradient(loss, w, b), data.rows(100, 160), w = w0, b = 0.25);
    BOOST_TEST(gb == range_mean, boost::test_tools::tolerance(1e-13));
    BOOST_TEST(gw.size() == d);

    const std::vector<std::size_t> sample{7, 4999, 7, 12};
    const double sample_mean = (2 * residual(7) + residual(4999) + residual(12)) / 4;
    auto [sw, sb] = nabla::eval(nabla::gradient(loss, w, b), data.rows(sample), w = w0, b = 0.25);
    BOOST_TEST(sb == sample_mean, boost::test_tools::tolerance(1e-13));

    // a sample of a mini-batch indexes the mini-batch: rows 100 + 5 and 100 + 0
    const std::vector<std::size_t> within{5, 0};
    auto [nw, nb] = nabla::eval(nabla::gradient(loss, w, b), data.rows(100, 160).rows(within),
                                w = w0, b = 0.25);
    BOOST_TEST(nb == (residual(105) + residual(100)) / 2, boost::test_tools::tolerance(1e-13));

    // an objective on a selection: its samples are rows of that selection
    const auto part = nabla::objective(loss, nabla::wrt(w, b), data.rows(2, 4), nabla::sized(w, d));
    std::vector<double> point(w0);
    point.push_back(0.25);
    std::vector<double> g_all(d + 1), g_sample(d + 1);
    const std::vector<std::size_t> both{0, 1};
    const double f_all =
        part.value_gradient(std::span<const double>(point), std::span<double>(g_all));
    const double f_sample = part.value_gradient_sample(std::span<const double>(point), both,
                                                       std::span<double>(g_sample));
    BOOST_TEST(f_sample == f_all);
    BOOST_TEST(g_sample == g_all, boost::test_tools::per_element());

    // the same bits for any thread count
    const auto one = nabla::eval_all(loss, nabla::wrt(w, b), data, w = w0, b = 0.25);
    for (unsigned threads : {2u, 3u, 4u}) {
        const auto many =
            nabla::eval_all(loss, nabla::wrt(w, b), data.threads(threads), w = w0, b = 0.25);
        BOOST_TEST(std::get<0>(one) == std::get<0>(many));
        BOOST_TEST(std::get<1>(one) == std::get<1>(many), boost::test_tools::per_element());
        BOOST_TEST(std::get<2>(one) == std::get<2>(many));
    }
}

BOOST_AUTO_TEST_CASE(logistic_hessian_from_the_rules) {
    // H = X' diag(s (1 - s)) X / n + lambda I, with s = sigma(y w'x) and y^2 = 1
    constexpr std::size_t n = 40, d = 4;
    normal_source random{5};
    const auto X = random.matrix(n, d);
    std::vector<double> Y(n);
    for (auto& e : Y)
        e = random() > 0 ? 1.0 : -1.0;
    const auto w0 = random.vector(d);
    const double lambda = 0.01;
    auto data = nabla::dataset(x = X, y = Y);
    const auto loss = nabla::models::logistic(w, b, x, y, lambda);
    const auto H = nabla::dense_hessian(loss, w, data, w = w0, b = 0.0);
    for (std::size_t j = 0; j != d; ++j)
        for (std::size_t k = 0; k != d; ++k) {
            double expected = j == k ? lambda : 0.0;
            for (std::size_t i = 0; i != n; ++i) {
                double z = 0;
                for (std::size_t m = 0; m != d; ++m)
                    z += w0[m] * X(i, m);
                const double s = sigmoid(Y[i] * z);
                expected += s * (1 - s) * X(i, j) * X(i, k) / n;
            }
            BOOST_TEST(H(j, k) == expected, boost::test_tools::tolerance(1e-12));
        }
    // one Hessian-vector product, the direction after the bindings
    const auto v = random.vector(d);
    const auto hv = nabla::hessian_vector(loss, w, data, w = w0, b = 0.0, v);
    for (std::size_t j = 0; j != d; ++j) {
        double expected = 0;
        for (std::size_t k = 0; k != d; ++k)
            expected += H(j, k) * v[k];
        BOOST_TEST(hv[j] == expected, boost::test_tools::tolerance(1e-12));
    }
}

BOOST_AUTO_TEST_CASE(sum_over_rows_of_a_sum_with_a_row_independent_term) {
    // f = sum_i (t_i a + c)^2: df/dc = sum_i 2 (t_i a + c) has the row-independent term 2c, which
    // a sum over rows cannot split off (it would be n times it); it is summed row by row
    constexpr nabla::var<"a"> a;
    constexpr nabla::var<"c"> c;
    constexpr nabla::col<"t"> t;
    const std::vector<double> T{1.0, 2.0, 3.0};
    auto data = nabla::dataset(t = T);
    using namespace nabla::literals;
    const auto f = nabla::sum_rows(pow(t * a + c, 2_c));
    const auto [value, ga, gc] = nabla::eval_all(f, nabla::wrt(a, c), data, a = 0.5, c = 0.25);
    // residuals 0.75, 1.25, 1.75
    BOOST_TEST(value == 5.1875, boost::test_tools::tolerance(1e-15));
    BOOST_TEST(ga == 17.0, boost::test_tools::tolerance(1e-15)); // 2 (0.75 + 2.5 + 5.25)
    BOOST_TEST(gc == 7.5, boost::test_tools::tolerance(1e-15));  // 2 (0.75 + 1.25 + 1.75)
}

BOOST_AUTO_TEST_CASE(float_and_simd_lanes_agree_with_double) {
    constexpr std::size_t n = 300, d = 37; // not a multiple of any SIMD width
    normal_source random{9};
    const auto X = random.matrix(n, d);
    const auto Y = random.vector(n);
    const auto w0 = random.vector(d, 0.2);
    auto data = nabla::dataset(x = X, y = Y);
    const auto loss = nabla::models::ridge(w, b, x, y, 0.1);
    const auto [fd, gd] = nabla::eval_all(loss, nabla::wrt(w), data, w = w0, b = 0.5);
    const std::vector<float> wf(w0.begin(), w0.end());
    const auto [ff, gf] = nabla::eval_all(loss, nabla::wrt(w), data, w = wf, b = 0.5f);
    BOOST_TEST(ff == fd, boost::test_tools::tolerance(1e-5));
    for (std::size_t j = 0; j != d; ++j)
        BOOST_TEST(gf[j] == gd[j], boost::test_tools::tolerance(1e-4));
}

BOOST_AUTO_TEST_CASE(long_rows_are_evaluated_one_at_a_time) {
    // Rows this long are evaluated one by one (their scalar work in scalars), not in groups of
    // a batch's width, for every SIMD width: the logistic loss, its gradient and a Hessian-vector
    // product against the formulas written out in long double.
    constexpr std::size_t n = 2101, d = 1031; // two blocks of rows; no multiple of a width
    normal_source random{21};
    const auto X = random.matrix(n, d);
    std::vector<double> Y(n);
    for (auto& e : Y)
        e = random() > 0 ? 1.0 : -1.0;
    const auto w0 = random.vector(d, 0.05);
    const auto v = random.vector(d);
    const double b0 = 0.125, lambda = 0.01;
    // f = mean log(1 + e^-m) + lambda/2 |w|^2, m = y (w'x + b); the gradient is mean(-y s x)
    // + lambda w and H v = mean(s (1 - s) (x'v) x) + lambda v, with s = sigma(-m)
    long double f = 0, gb = 0;
    std::vector<long double> gw(d), hv(d);
    for (std::size_t i = 0; i != n; ++i) {
        long double z = b0, xv = 0;
        for (std::size_t j = 0; j != d; ++j) {
            z += static_cast<long double>(w0[j]) * X(i, j);
            xv += static_cast<long double>(v[j]) * X(i, j);
        }
        const long double m = Y[i] * z, s = 1 / (1 + std::exp(m));
        f += std::log1p(std::exp(-m)) / n;
        gb -= Y[i] * s / n;
        for (std::size_t j = 0; j != d; ++j) {
            gw[j] -= Y[i] * s * X(i, j) / n;
            hv[j] += s * (1 - s) * xv * X(i, j) / n;
        }
    }
    for (std::size_t j = 0; j != d; ++j) {
        f += lambda / 2 * w0[j] * w0[j];
        gw[j] += lambda * w0[j];
        hv[j] += lambda * v[j];
    }
    auto data = nabla::dataset(x = X, y = Y);
    const auto loss = nabla::models::logistic(w, b, x, y, lambda);
    const auto [fn, gwn, gbn] = nabla::eval_all(loss, nabla::wrt(w, b), data, w = w0, b = b0);
    BOOST_TEST(fn == static_cast<double>(f), boost::test_tools::tolerance(1e-13));
    BOOST_TEST(gbn == static_cast<double>(gb), boost::test_tools::tolerance(1e-12));
    for (std::size_t j = 0; j != d; ++j)
        BOOST_TEST(gwn[j] == static_cast<double>(gw[j]), boost::test_tools::tolerance(1e-11));
    const auto hvn = nabla::hessian_vector(loss, w, data, w = w0, b = b0, v);
    for (std::size_t j = 0; j != d; ++j)
        BOOST_TEST(hvn[j] == static_cast<double>(hv[j]), boost::test_tools::tolerance(1e-11));

    // the same bits on two threads; a sample with a repeat is its rows' mean
    const auto [f2, gw2, gb2] =
        nabla::eval_all(loss, nabla::wrt(w, b), data.threads(2), w = w0, b = b0);
    BOOST_TEST(f2 == fn);
    BOOST_TEST(gw2 == gwn, boost::test_tools::per_element());
    const std::vector<std::size_t> sample{2100, 3, 2100};
    const auto [gws, gbs] =
        nabla::eval(nabla::gradient(loss, w, b), data.rows(sample), w = w0, b = b0);
    double expected_gb = 0;
    for (std::size_t i : sample) {
        double z = b0;
        for (std::size_t j = 0; j != d; ++j)
            z += w0[j] * X(i, j);
        expected_gb -= Y[i] * sigmoid(-Y[i] * z) / 3;
    }
    BOOST_TEST(gbs == expected_gb, boost::test_tools::tolerance(1e-12));

    // float: one row at a time as well, to float's precision
    const std::vector<float> wf(w0.begin(), w0.end());
    const auto [ff, gwf, gbf] =
        nabla::eval_all(loss, nabla::wrt(w, b), data, w = wf, b = static_cast<float>(b0));
    BOOST_TEST(ff == fn, boost::test_tools::tolerance(1e-5));
    BOOST_TEST(gbf == gbn, boost::test_tools::tolerance(1e-4));
}

BOOST_AUTO_TEST_CASE(breast_cancer_logistic_gradient_at_zero) {
    // At w = 0, b = 0 every sigmoid is 1/2: the gradient is -mean(y x) / 2, the feature means
    // by class, computed here straight from the file.
    auto table = nabla::read_csv(NABLA_DATA_DIR "/csv/breast_cancer.csv");
    auto X = table.columns_except("target");
    nabla::standardize(X);
    std::vector<double> Y = table.column("target");
    for (auto& e : Y)
        e = 2 * e - 1;
    BOOST_REQUIRE_EQUAL(X.rows(), 569u);
    BOOST_REQUIRE_EQUAL(X.cols(), 30u);
    auto data = nabla::dataset(x = X, y = Y);
    const auto loss = nabla::models::logistic(w, b, x, y, 0.01);
    const std::vector<double> zero(30, 0.0);
    const auto [f, gw, gb] = nabla::eval_all(loss, nabla::wrt(w, b), data, w = zero, b = 0.0);
    BOOST_TEST(f == std::log(2.0), boost::test_tools::tolerance(1e-14));
    double label_mean = 0;
    for (double e : Y)
        label_mean += e / 569;
    BOOST_TEST(gb == -label_mean / 2, boost::test_tools::tolerance(1e-12));
    for (std::size_t j = 0; j != 30; ++j) {
        double expected = 0;
        for (std::size_t i = 0; i != 569; ++i)
            expected -= Y[i] * X(i, j) / (2 * 569);
        BOOST_TEST(gw[j] == expected, boost::test_tools::tolerance(1e-11));
    }
}

BOOST_AUTO_TEST_CASE(feature_importance_of_logistic_regression) {
    // d loss_i / d x_ij = -y_i sigma(-y_i z_i) w_j: importance_j = |w_j| mean(sigma(-y z))
    constexpr std::size_t n = 50, d = 3;
    normal_source random{21};
    const auto X = random.matrix(n, d);
    std::vector<double> Y(n);
    for (auto& e : Y)
        e = random() > 0 ? 1.0 : -1.0;
    const auto w0 = random.vector(d);
    auto data = nabla::dataset(x = X, y = Y);
    const auto importance = nabla::feature_importance(nabla::models::logistic(w, b, x, y, 0.5), x,
                                                      data, w = w0, b = 0.1);
    double mean_sigma = 0;
    for (std::size_t i = 0; i != n; ++i) {
        double z = 0.1;
        for (std::size_t j = 0; j != d; ++j)
            z += w0[j] * X(i, j);
        mean_sigma += sigmoid(-Y[i] * z) / n;
    }
    for (std::size_t j = 0; j != d; ++j)
        BOOST_TEST(importance[j] == std::abs(w0[j]) * mean_sigma,
                   boost::test_tools::tolerance(1e-12));
}

//! Runs \p f and returns the message of the `data_error` it throws ("" if none).
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (nabla::data_error const& e) {
        return e.what();
    }
    return "";
}

BOOST_AUTO_TEST_CASE(bad_input_is_named) {
    normal_source random{1};
    const auto X = random.matrix(10, 3);
    const auto Y = random.vector(9);
    const auto loss = nabla::models::least_squares(w, b, x, y);
    const std::string rows = error_of([&] { (void)nabla::dataset(x = X, y = Y); });
    BOOST_TEST(rows.find("y has 9 rows but x has 10") != std::string::npos, rows);

    const auto Y10 = random.vector(10);
    auto data = nabla::dataset(x = X, y = Y10);
    const std::vector<double> short_w(2, 0.0);
    const std::string size = error_of([&] { (void)nabla::eval(loss, data, w = short_w, b = 0.0); });
    BOOST_TEST(size.find("'dot'") != std::string::npos, size);
    BOOST_TEST(size.find("lengths 2 and 3") != std::string::npos, size);

    auto bad = X;
    bad(4, 2) = std::nan("");
    const std::string nan = error_of([&] { (void)nabla::dataset(x = bad, y = Y10); });
    BOOST_TEST(nan.find("x has a non-finite value at row 4, column 2") != std::string::npos, nan);

    const std::string range = error_of([&] { (void)data.rows(5, 11); });
    BOOST_TEST(range.find("beyond") != std::string::npos, range);
    const std::vector<std::size_t> outside{3, 10};
    const std::string index = error_of([&] { (void)data.rows(outside); });
    BOOST_TEST(index.find("index 10") != std::string::npos, index);
}

} // namespace

namespace {

BOOST_AUTO_TEST_CASE(softmax_regression_on_digits) {
    // 1797 8x8 images of handwritten digits, 10 classes, with a matrix parameter W (10 x 64).
    // A linear softmax model nearly separates them (linear models reach ~97% even on held-out
    // digits): trained on all of them with a small L2 penalty, L-BFGS must converge and the
    // model classify >= 97% of the images.
    constexpr nabla::mat<"W"> W;
    constexpr nabla::vec<"c"> c;
    constexpr nabla::row<"t"> t;
    auto table = nabla::read_csv(NABLA_DATA_DIR "/csv/digits.csv");
    const std::vector<double> label = table.column("target");
    nabla::dense_matrix<double> X = table.columns_except("target");
    for (std::size_t i = 0; i != X.rows() * X.cols(); ++i)
        X.data()[i] /= 16.0; // pixel counts 0..16 (some pixels are always 0: no standardising)
    constexpr std::size_t k = 10, d = 64;
    BOOST_REQUIRE_EQUAL(X.cols(), d);
    nabla::dense_matrix<double> onehot(X.rows(), k);
    for (std::size_t i = 0; i != X.rows(); ++i)
        onehot(i, static_cast<std::size_t>(label[i])) = 1.0;
    auto data = nabla::dataset(x = X, t = onehot);
    const auto loss =
        nabla::models::softmax_cross_entropy(W, c, x, t) + 1e-3 / 2 * nabla::squared_norm(W);
    const auto problem =
        nabla::objective(loss, nabla::wrt(W, c), data, nabla::sized(W, k, d), nabla::sized(c, k));
    const auto result =
        nabla::solvers::lbfgs{}.minimize(problem, std::vector<double>(k * d + k, 0.0));
    BOOST_TEST(nabla::solvers::is_converged(result.status), result.message);
    std::size_t correct = 0;
    for (std::size_t i = 0; i != X.rows(); ++i) {
        std::size_t best = 0;
        double top = -1e300;
        for (std::size_t r = 0; r != k; ++r) {
            double s = result.x[k * d + r];
            for (std::size_t j = 0; j != d; ++j)
                s += result.x[r * d + j] * X(i, j);
            if (s > top) {
                top = s;
                best = r;
            }
        }
        correct += best == static_cast<std::size_t>(label[i]);
    }
    BOOST_TEST(static_cast<double>(correct) / static_cast<double>(X.rows()) >= 0.97,
               correct << " of " << X.rows() << " classified correctly");
}

} // namespace
