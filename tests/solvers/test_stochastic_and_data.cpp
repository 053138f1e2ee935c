// Stochastic runs (epochs, batches, seeded shuffling, statuses), natural gradient, and the
// experiments on real data, run on nabla's own losses (nabla::models through nabla::objective):
// L2-regularised logistic regression on breast_cancer solved by six methods, and least squares
// on diabetes over the simplex and the L1 ball by Frank-Wolfe. The hand-written objectives below
// are the independent check: value, gradient, mini-batch gradient and Hessian-vector products
// of the generated objectives against them, their optima against the hand-written ones (a
// Newton run on the hand-derived Hessian; the KKT systems of every support), and optimality
// checked with the hand-derived gradient (gradient norms, KKT conditions).
//
// Set NABLA_EXPERIMENTS_REPORT=1 to print the figures quoted in docs/solvers.md, and
// NABLA_EXPERIMENTS_SVG=<file> to write the convergence plot.
#if defined(BOOST_UNIT_TEST_FRAMEWORK_DYN_LINK) && !defined(BOOST_TEST_DYN_LINK)
#define BOOST_TEST_DYN_LINK
#endif
#include <boost/test/unit_test.hpp>

#include <nabla/models/classification.hpp>
#include <nabla/solvers/all.hpp>
#include <nabla/solvers/data_objective.hpp>
#include <nabla/symbolic/data/csv.hpp>
#include <nabla/symbolic/data/standardize.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns = nabla::solvers;
using span_c = std::span<const double>;

namespace {
const bool report = std::getenv("NABLA_EXPERIMENTS_REPORT") != nullptr;

// f(w) = 1/N sum_i f_i(w), f_i(w) = 1/2 (w - a_i)^2 in one dimension, recording every call's
// indices: the mean of a is the minimiser.
struct recording_sum {
    using scalar_type = double;
    std::vector<double> a;
    mutable std::vector<std::vector<std::size_t>> calls;
    std::size_t sample_count() const { return a.size(); }
    double value_gradient_sample(span_c w, std::span<const std::size_t> idx,
                                 std::span<double> g) const {
        calls.emplace_back(idx.begin(), idx.end());
        double f = 0;
        g[0] = 0;
        for (auto i : idx) {
            f += 0.5 * (w[0] - a[i]) * (w[0] - a[i]);
            g[0] += w[0] - a[i];
        }
        g[0] /= double(idx.size());
        return f / double(idx.size());
    }
};

// L2-regularised logistic regression, parameters w = (w_1..w_d, b), rows x~_i = (x_i, 1),
// labels y_i in {0, 1}, z_i = w . x~_i, p_i = sigma(z_i):
//   f_i(w) = softplus(z_i) - y_i z_i + lambda/2 sum_{j<d} w_j^2      (bias not regularised)
//   grad f = 1/N sum_i (p_i - y_i) x~_i + lambda (w_1..w_d, 0)
//   Hess f = 1/N sum_i p_i (1 - p_i) x~_i x~_i^T + lambda diag(1..1, 0)
//   Fisher = 1/N sum_i p_i (1 - p_i) x~_i x~_i^T = X~^T diag(p(1-p)) X~ / N  (exact, the model's)
// (d/dz softplus = sigma, d/dz sigma = sigma (1 - sigma)).
struct logistic_l2 {
    using scalar_type = double;
    nabla::dense_matrix<double> x; // standardised features, N x d
    std::vector<double> y;
    double lambda;
    std::size_t dimension() const { return x.cols() + 1; }
    std::size_t sample_count() const { return x.rows(); }

    // Mean over m samples idx(0..m-1); adds the gradient to g, the curvature p(1-p) x~ x~^T to h.
    template <class Idx>
    double accumulate(span_c w, std::size_t m, Idx idx, double* g, double* h) const {
        const std::size_t d = x.cols(), n = d + 1;
        double f = 0;
        for (std::size_t k = 0; k < m; ++k) {
            const std::size_t i = idx(k);
            const auto xi = x.row(i);
            double z = w[d];
            for (std::size_t j = 0; j < d; ++j)
                z += w[j] * xi[j];
            const double e = std::exp(-std::abs(z));
            const double p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            f += std::max(z, 0.0) + std::log1p(e) - y[i] * z;
            auto feat = [&](std::size_t j) { return j < d ? xi[j] : 1.0; };
            if (g)
                for (std::size_t j = 0; j < n; ++j)
                    g[j] += (p - y[i]) * feat(j) / double(m);
            if (h)
                for (std::size_t r = 0; r < n; ++r)
                    for (std::size_t c = 0; c < n; ++c)
                        h[r * n + c] += p * (1 - p) * feat(r) * feat(c) / double(m);
        }
        double reg = 0;
        for (std::size_t j = 0; j < d; ++j) {
            reg += 0.5 * lambda * w[j] * w[j];
            if (g)
                g[j] += lambda * w[j];
        }
        return f / double(m) + reg;
    }
    double all(span_c w, double* g, double* h) const {
        if (g)
            std::fill(g, g + dimension(), 0.0);
        if (h)
            std::fill(h, h + dimension() * dimension(), 0.0);
        return accumulate(
            w, x.rows(), [](std::size_t k) { return k; }, g, h);
    }
    double value(span_c w) const { return all(w, nullptr, nullptr); }
    double value_gradient(span_c w, std::span<double> g) const { return all(w, g.data(), nullptr); }
    double value_gradient_hessian(span_c w, std::span<double> g, std::span<double> h) const {
        const double f = all(w, g.data(), h.data());
        for (std::size_t j = 0; j < x.cols(); ++j)
            h[j * dimension() + j] += lambda;
        return f;
    }
    void fisher(span_c w, std::span<double> fm) const { (void)all(w, nullptr, fm.data()); }
    double value_gradient_sample(span_c w, std::span<const std::size_t> idx,
                                 std::span<double> g) const {
        std::fill(g.begin(), g.end(), 0.0);
        return accumulate(
            w, idx.size(), [&](std::size_t k) { return idx[k]; }, g.data(), nullptr);
    }
};

// Least squares f(w) = 1/(2N) ||X w - y||^2 = 1/2 w^T Q w - c^T w + k with Q = X^T X / N,
// c = X^T y / N, k = y^T y / (2N); gradient Q w - c, Hessian Q. Keeps the (standardised) data
// for the generated objective.
struct least_squares {
    using scalar_type = double;
    nabla::dense_matrix<double> x;
    std::vector<double> y;
    std::size_t n;
    std::vector<double> q, c;
    double k;
    std::size_t dimension() const { return n; }
    double value_gradient(span_c w, std::span<double> g) const {
        double f = k;
        for (std::size_t i = 0; i < n; ++i) {
            double qw = 0;
            for (std::size_t j = 0; j < n; ++j)
                qw += q[i * n + j] * w[j];
            g[i] = qw - c[i];
            f += 0.5 * w[i] * qw - c[i] * w[i];
        }
        return f;
    }
    double value(span_c w) const {
        std::vector<double> g(n);
        return value_gradient(w, g);
    }
    void hessian_vector(span_c, span_c v, std::span<double> hv) const {
        for (std::size_t i = 0; i < n; ++i) {
            hv[i] = 0;
            for (std::size_t j = 0; j < n; ++j)
                hv[i] += q[i * n + j] * v[j];
        }
    }
};

const std::string data_dir = NABLA_DATA_DIR "/csv/";

logistic_l2 breast_cancer_problem() {
    const auto t = nabla::read_csv(data_dir + "breast_cancer.csv");
    auto x = t.columns_except("target");
    (void)nabla::standardize(x);
    return {std::move(x), t.column("target"), 1e-2};
}

least_squares diabetes_problem() {
    const auto t = nabla::read_csv(data_dir + "diabetes.csv");
    auto x = t.columns_except("target");
    (void)nabla::standardize(x);
    nabla::dense_matrix<double> ym(x.rows(), 1);
    const auto target = t.column("target");
    std::copy(target.begin(), target.end(), ym.data());
    (void)nabla::standardize(ym);
    const std::size_t n = x.cols(), rows = x.rows();
    least_squares p{{},
                    std::vector<double>(ym.data(), ym.data() + rows),
                    n,
                    std::vector<double>(n * n),
                    std::vector<double>(n),
                    0.0};
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t a = 0; a < n; ++a) {
            p.c[a] += x(i, a) * p.y[i] / double(rows);
            for (std::size_t b = 0; b < n; ++b)
                p.q[a * n + b] += x(i, a) * x(i, b) / double(rows);
        }
        p.k += 0.5 * p.y[i] * p.y[i] / double(rows);
    }
    p.x = std::move(x);
    return p;
}

double norm2(span_c v) {
    double s = 0;
    for (double e : v)
        s += e * e;
    return std::sqrt(s);
}

double max_abs_difference(span_c a, span_c b) {
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

double norm_inf(span_c v) {
    return max_abs_difference(v, std::vector<double>(v.size(), 0.0));
}

// The generated objective `f` against the hand-written `h` at `x`: value to 1e-12 relative,
// gradient and the Hessian-vector product along `v` to 1e-12 max(1, largest element) (absolute
// near a minimum, where the gradient is cancellation; `hv(x, v, out)` is the hand-written
// product).
template <class F, class H, class HV>
void check_against_hand_written(const F& f, const H& h, HV hv, span_c x, span_c v) {
    const std::size_t n = x.size();
    std::vector<double> gf(n), gh(n), hf(n), hh(n);
    const double vf = f.value_gradient(x, std::span<double>(gf));
    const double vh = h.value_gradient(x, gh);
    BOOST_TEST(std::abs(vf - vh) <= 1e-12 * std::abs(vh));
    BOOST_TEST(std::abs(f.value(x) - vh) <= 1e-12 * std::abs(vh));
    BOOST_TEST(max_abs_difference(gf, gh) <= 1e-12 * std::max(1.0, norm_inf(gh)));
    f.hessian_vector(x, v, std::span<double>(hf));
    hv(x, v, std::span<double>(hh));
    BOOST_TEST(max_abs_difference(hf, hh) <= 1e-12 * std::max(1.0, norm_inf(hh)));
}

// Solves the dense system a z = b (Gaussian elimination, partial pivoting); false if singular.
bool solve(std::vector<double> a, std::vector<double>& b) {
    const std::size_t n = b.size();
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t p = k;
        for (std::size_t i = k + 1; i < n; ++i)
            if (std::abs(a[i * n + k]) > std::abs(a[p * n + k]))
                p = i;
        if (std::abs(a[p * n + k]) < 1e-14)
            return false;
        for (std::size_t j = 0; j < n; ++j)
            std::swap(a[k * n + j], a[p * n + j]);
        std::swap(b[k], b[p]);
        for (std::size_t i = k + 1; i < n; ++i) {
            const double m = a[i * n + k] / a[k * n + k];
            for (std::size_t j = k; j < n; ++j)
                a[i * n + j] -= m * a[k * n + j];
            b[i] -= m * b[k];
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = i + 1; j < n; ++j)
            b[i] -= a[i * n + j] * b[j];
        b[i] /= a[i * n + i];
    }
    return true;
}

// min 1/2 w^T Q w - c^T w over the probability simplex (l1 = false) or over the L1 ball of
// radius 1 where the constraint binds (l1 = true), by enumerating supports S with signs s_i
// (+1 on the simplex; +1 or -1 on the ball): the KKT system [Q_SS s_S; s_S^T 0] (w_S, t) =
// (c_S, 1), so g = Q w - c = -t s on S, accepted when s_i w_i >= 0 on S and, off S, g_i >= -t
// (simplex: mu = -t) or t >= 0 and |g_i| <= t (ball: nu = t). Q is positive definite, so every
// accepted support gives the one minimiser.
std::vector<double> minimiser_by_enumeration(const least_squares& p, bool l1) {
    const std::size_t n = p.n, base = l1 ? 3 : 2;
    std::size_t count = 1;
    for (std::size_t i = 0; i < n; ++i)
        count *= base;
    for (std::size_t code = 1; code < count; ++code) {
        std::vector<std::size_t> s;
        std::vector<double> sign;
        for (std::size_t i = 0, r = code; i < n; ++i, r /= base)
            if (r % base != 0) {
                s.push_back(i);
                sign.push_back(r % base == 1 ? 1.0 : -1.0);
            }
        const std::size_t m = s.size();
        std::vector<double> a((m + 1) * (m + 1), 0.0), b(m + 1, 1.0);
        for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t j = 0; j < m; ++j)
                a[i * (m + 1) + j] = p.q[s[i] * n + s[j]];
            a[i * (m + 1) + m] = a[m * (m + 1) + i] = sign[i];
            b[i] = p.c[s[i]];
        }
        if (!solve(a, b))
            continue;
        bool ok = !l1 || b[m] >= 0;
        std::vector<double> w(n, 0.0), g(n);
        for (std::size_t i = 0; i < m; ++i) {
            ok = ok && sign[i] * b[i] >= 0;
            w[s[i]] = b[i];
        }
        if (!ok)
            continue;
        (void)p.value_gradient(w, g);
        const double t = b[m];
        if (std::all_of(g.begin(), g.end(), [&](double gi) {
                return l1 ? std::abs(gi) <= t + 1e-12 : gi >= -t - 1e-12;
            }))
            return w;
    }
    throw std::logic_error("no support satisfies the KKT conditions");
}

struct figure {
    std::string name;
    ns::result<double> r;
};

void print_figures(const std::vector<figure>& rows, double fstar) {
    if (!report)
        return;
    std::printf("%-30s %-28s %6s %7s %7s %5s %22s %9s %9s\n", "solver", "status", "iter", "f_evals",
                "g_evals", "h", "f", "rel diff", "||g||");
    for (auto const& [name, r] : rows)
        std::printf("%-30s %-28s %6zu %7zu %7zu %5zu %22.17g %9.2e %9.2e\n", name.c_str(),
                    std::string(ns::to_string(r.status)).c_str(), r.iterations, r.f_evals,
                    r.g_evals, r.h_evals, r.f, (r.f - fstar) / fstar, r.gradient_norm);
}

// f(history) - f* per solver against the iteration, log scale, as an SVG.
void write_svg(const char* path, const std::vector<figure>& rows, double fstar) {
    const double w = 640, h = 400, left = 60, top = 20, lo = -16, hi = 1;
    std::size_t kmax = 1;
    for (auto const& row : rows)
        kmax = std::max(kmax, row.r.history.size() - 1);
    kmax = std::min<std::size_t>(kmax, 125);
    std::ofstream o(path);
    o << "<svg xmlns='http://www.w3.org/2000/svg' width='" << w + 230 << "' height='" << h + 60
      << "' font-family='sans-serif' font-size='12'>\n<rect x='" << left << "' y='" << top
      << "' width='" << w << "' height='" << h << "' fill='none' stroke='#888'/>\n";
    for (int e = int(lo); e <= int(hi); e += 4)
        o << "<text x='" << left - 45 << "' y='" << top + h * (hi - e) / (hi - lo) + 4 << "'>1e"
          << e << "</text>\n";
    o << "<text x='" << left + w / 2 - 40 << "' y='" << top + h + 35
      << "'>iteration (epoch for Adam)</text>\n<text x='5' y='14'>(f - f*) / f*</text>\n";
    const char* colours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                             "#9467bd", "#8c564b", "#e377c2"};
    for (std::size_t s = 0; s < rows.size(); ++s) {
        o << "<polyline fill='none' stroke='" << colours[s % 7] << "' stroke-width='1.5' points='";
        for (auto const& e : rows[s].r.history) {
            if (e.iteration > kmax)
                break;
            const double rel = std::max((e.f - fstar) / fstar, 1e-16);
            o << left + w * double(e.iteration) / double(kmax) << ','
              << top + h * (hi - std::log10(rel)) / (hi - lo) << ' ';
        }
        o << "'/>\n<text x='" << left + w + 10 << "' y='" << top + 15 + 18 * double(s) << "' fill='"
          << colours[s % 7] << "'>" << rows[s].name << "</text>\n";
    }
    o << "<text x='" << left + w - 20 << "' y='" << top + h + 15 << "'>" << kmax << "</text>\n"
      << "</svg>\n";
}
} // namespace

BOOST_AUTO_TEST_SUITE(stochastic)

BOOST_AUTO_TEST_CASE(epochs_are_permutations_and_status_is_epoch_limit) {
    recording_sum f{{1, 2, 3, 4, 5, 6, 7}, {}};
    const std::array w0{10.0};
    std::size_t callbacks = 0;
    auto r = ns::sgd{{.learning_rate = 0.1}}.minimize(
        f, w0, ns::epochs(4), ns::batch_size(3), ns::shuffle_seed(11),
        [&](const ns::iteration_info<double>&) { ++callbacks; });
    BOOST_TEST(r.status == ns::status::epoch_limit);
    BOOST_TEST(!r.converged());
    BOOST_TEST(r.iterations == 4u);
    BOOST_TEST(r.history.size() == 5u); // the start and one entry per epoch
    BOOST_TEST(callbacks == 5u);
    // calls: one full pass at the start, then per epoch 3 batches (3 + 3 + 1) and a full pass
    BOOST_REQUIRE(f.calls.size() == 1u + 4u * 4u);
    std::vector<std::size_t> first_epoch;
    for (std::size_t e = 0; e < 4; ++e) {
        std::vector<std::size_t> seen;
        for (std::size_t b = 0; b < 3; ++b) {
            const auto& c = f.calls[1 + 4 * e + b];
            BOOST_TEST(c.size() == (b < 2 ? 3u : 1u));
            seen.insert(seen.end(), c.begin(), c.end());
        }
        if (e == 0)
            first_epoch = seen;
        else if (e == 1)
            BOOST_TEST(seen != first_epoch); // reshuffled
        std::sort(seen.begin(), seen.end());
        BOOST_TEST(seen == (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}),
                   boost::test_tools::per_element());
        BOOST_TEST(f.calls[4 + 4 * e].size() == 7u); // the end-of-epoch full pass
    }
    const auto calls = f.calls;
    const std::vector<std::size_t> all{0, 1, 2, 3, 4, 5, 6};
    std::vector<double> g(1);
    BOOST_TEST(r.f == f.value_gradient_sample(r.x, all, g)); // the full objective, not a batch
    // the same seed reproduces the run, another seed does not
    recording_sum f2{f.a, {}}, f3{f.a, {}};
    auto r2 = ns::sgd{{.learning_rate = 0.1}}.minimize(f2, w0, ns::batch_size(3), ns::epochs(4),
                                                       ns::shuffle_seed(11));
    auto r3 = ns::sgd{{.learning_rate = 0.1}}.minimize(f3, w0, ns::epochs(4), ns::batch_size(3),
                                                       ns::shuffle_seed(12));
    BOOST_TEST(r2.x[0] == r.x[0]);
    BOOST_TEST(f2.calls == calls);
    BOOST_TEST(f3.calls != calls);
}

BOOST_AUTO_TEST_CASE(converges_only_on_the_full_gradient) {
    // mean of a = 4: full-batch steps with lr 0.5 halve the distance each epoch; the run stops
    // when the true gradient |w - 4| falls below gtol_abs, well before the epoch limit
    recording_sum f{{1, 2, 3, 4, 5, 6, 7}, {}};
    auto r =
        ns::momentum{
            {.stop = {.gtol_abs = 1e-9, .gtol_rel = 0}, .learning_rate = 0.5, .momentum = 0.0}}
            .minimize(f, std::array{10.0}, ns::epochs(200), ns::batch_size(100));
    BOOST_TEST(r.status == ns::status::converged_gradient);
    BOOST_TEST(std::abs(r.x[0] - 4.0) <= 1e-9);
    BOOST_TEST(r.iterations < 200u);
    // max_iterations bounds epochs, bad options are named
    auto l =
        ns::adagrad{{.stop = {.max_iterations = 3}}}.minimize(f, std::array{10.0}, ns::epochs(50));
    BOOST_TEST(l.status == ns::status::iteration_limit);
    BOOST_CHECK_EXCEPTION((void)ns::adam{}.minimize(f, std::array{1.0}, ns::epochs(0)),
                          std::invalid_argument, [](const std::invalid_argument& e) {
                              return std::string(e.what()).find("epochs") != std::string::npos;
                          });
    BOOST_CHECK_EXCEPTION(
        (void)ns::nesterov{{.momentum = 1.0}}.minimize(f, std::array{1.0}, ns::epochs(1)),
        std::invalid_argument, [](const std::invalid_argument& e) {
            return std::string(e.what()).find("nesterov_params::momentum") != std::string::npos;
        });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(experiments)

BOOST_AUTO_TEST_CASE(logistic_regression_on_breast_cancer) {
    const auto p = breast_cancer_problem(); // hand-written, labels in {0, 1}
    const std::size_t n = p.dimension();
    BOOST_REQUIRE(n == 31u);
    BOOST_REQUIRE(p.lambda == 1e-2);
    std::vector<double> labels(p.y.size()); // nabla::models::logistic takes labels in {-1, +1}
    std::transform(p.y.begin(), p.y.end(), labels.begin(), [](double t) { return 2 * t - 1; });

    // nabla's own loss: value, gradient, Hessian-vector products and mini-batches generated
    constexpr nabla::vec<"w"> w;
    constexpr nabla::var<"b"> b;
    constexpr nabla::row<"x"> x;
    constexpr nabla::col<"y"> y;
    const auto data = nabla::dataset(x = p.x, y = labels);
    const auto f = nabla::objective(nabla::models::logistic(w, b, x, y, 1e-2), nabla::wrt(w, b),
                                    data, nabla::sized(w, 30));
    BOOST_REQUIRE(f.dimension() == n);
    BOOST_REQUIRE(f.sample_count() == 569u);
    const std::vector<double> w0(n, 0.0);
    BOOST_TEST(p.value(w0) == std::log(2.0), boost::test_tools::tolerance(1e-14));
    BOOST_TEST(f.value(span_c(w0)) == std::log(2.0), boost::test_tools::tolerance(1e-14));

    // the hand-derived gradient and Hessian against central differences at a point
    std::vector<double> pt(n), g(n), gp(n), gm(n), hess(n * n), dir(n);
    for (std::size_t j = 0; j < n; ++j) {
        pt[j] = 0.3 * std::sin(double(j + 1));
        dir[j] = std::cos(double(3 * j));
    }
    (void)p.value_gradient_hessian(pt, g, hess);
    for (std::size_t j = 0; j < n; j += 5) {
        auto wp = pt, wm = pt;
        const double hstep = 1e-5;
        wp[j] += hstep;
        wm[j] -= hstep;
        (void)p.value_gradient(wp, gp);
        (void)p.value_gradient(wm, gm);
        BOOST_TEST((p.value(wp) - p.value(wm)) / (2 * hstep) == g[j],
                   boost::test_tools::tolerance(1e-7));
        for (std::size_t i = 0; i < n; ++i)
            BOOST_TEST(std::abs((gp[i] - gm[i]) / (2 * hstep) - hess[i * n + j]) <= 1e-7);
    }
    // the generated objective against the hand-written one: at w0, at pt and at 4 pt (large
    // margins), value, gradient and Hessian-vector product; a mini-batch with a repeat
    auto hand_hv = [&](span_c at, span_c v, std::span<double> out) {
        std::vector<double> gh(n), hh(n * n);
        (void)p.value_gradient_hessian(at, gh, hh);
        for (std::size_t i = 0; i < n; ++i) {
            out[i] = 0;
            for (std::size_t j = 0; j < n; ++j)
                out[i] += hh[i * n + j] * v[j];
        }
    };
    auto far = pt;
    for (double& e : far)
        e *= 4;
    for (span_c at : {span_c(w0), span_c(pt), span_c(far)})
        check_against_hand_written(f, p, hand_hv, at, dir);
    const std::vector<std::size_t> batch{0, 17, 568, 17, 300};
    const double fb = f.value_gradient_sample(span_c(pt), batch, std::span<double>(gp));
    const double hb = p.value_gradient_sample(pt, batch, gm);
    BOOST_TEST(std::abs(fb - hb) <= 1e-12 * hb);
    BOOST_TEST(max_abs_difference(gp, gm) <= 1e-12 * std::max(1.0, norm_inf(gm)));

    // the reference minimum: Newton on the hand-written objective (hand-derived Hessian)
    const auto hand = ns::newton{}.minimize(p, w0);
    BOOST_TEST_INFO(ns::to_string(hand.status) << ": " << hand.message);
    BOOST_REQUIRE(hand.converged());

    std::vector<figure> rows;
    rows.push_back({"newton", ns::newton{}.minimize(f, w0)}); // n Hessian-vector products
    rows.push_back({"bfgs", ns::bfgs{}.minimize(f, w0)});
    rows.push_back({"lbfgs", ns::lbfgs{}.minimize(f, w0)});
    rows.push_back(
        {"natural_gradient (empirical)",
         ns::natural_gradient{{.damping = 1e-2, .fisher = ns::fisher_kind::empirical}}.minimize(
             f, w0)});
    // the generated objective has no Fisher: the exact one runs on the hand-written objective
    rows.push_back({"natural_gradient (exact, hand)",
                    ns::natural_gradient{{.damping = p.lambda}}.minimize(p, w0)});
    rows.push_back({"gradient_descent", ns::gradient_descent{}.minimize(f, w0)});
    rows.push_back({"adam (50 epochs, batch 32)", ns::adam{{.learning_rate = 1e-2}}.minimize(
                                                      f, w0, ns::epochs(50), ns::batch_size(32))});
    const double fstar = rows[0].r.f;
    print_figures(rows, fstar);
    if (report)
        std::printf("hand-written objective, newton: %zu iterations, f* = %.17g, (f* - "
                    "f*_hand)/f*_hand = %.2e, max |x* - x*_hand| = %.2e\n",
                    hand.iterations, hand.f, (fstar - hand.f) / hand.f,
                    max_abs_difference(rows[0].r.x, hand.x));
    if (const char* svg = std::getenv("NABLA_EXPERIMENTS_SVG"))
        write_svg(svg, rows, fstar);

    // nabla's minimum is the hand-written one's, and so is the minimiser (strictly convex)
    BOOST_TEST(std::abs(fstar - hand.f) <= 1e-10 * hand.f);
    BOOST_TEST(max_abs_difference(rows[0].r.x, hand.x) <= 1e-6);
    check_against_hand_written(f, p, hand_hv, hand.x, dir);
    // second-order methods: converged, the same minimum to 1e-8 relative, a small true gradient
    // (recomputed with the hand-derived formula)
    for (std::size_t s = 0; s < 5; ++s) {
        const auto& r = rows[s].r;
        BOOST_TEST_INFO(rows[s].name << ": " << ns::to_string(r.status) << ": " << r.message);
        BOOST_TEST(r.converged());
        BOOST_TEST(std::abs(r.f - fstar) <= 1e-8 * fstar);
        std::vector<double> gs(n);
        BOOST_TEST(std::abs(p.value_gradient(r.x, gs) - r.f) <= 1e-12 * r.f);
        BOOST_TEST(norm2(gs) <= 1e-7);
    }
    // the optimum is interior and strictly convex (lambda > 0): the minimiser itself agrees
    for (std::size_t j = 0; j < n; ++j)
        BOOST_TEST(std::abs(rows[1].r.x[j] - rows[0].r.x[j]) <= 1e-5);
    BOOST_TEST(rows[4].r.iterations <= 30u); // exact Fisher + damping lambda: Newton-like
    // first-order methods: how close they got (bounds they meet, see docs/solvers.md)
    BOOST_TEST(rows[5].r.converged());
    BOOST_TEST(std::abs(rows[5].r.f - fstar) <= 1e-8 * fstar);
    BOOST_TEST(rows[6].r.status == ns::status::epoch_limit);
    BOOST_TEST((rows[6].r.f - fstar) <= 1e-3 * fstar); // measured 2.0e-4
    BOOST_TEST(rows[6].r.f >= fstar * (1 - 1e-12));
}

BOOST_AUTO_TEST_CASE(frank_wolfe_least_squares_on_diabetes) {
    const auto p = diabetes_problem(); // hand-written: Q, c, k
    const std::size_t n = p.n;
    BOOST_REQUIRE(n == 10u);
    // nabla's own loss, the bias fixed at 0 (features and target are standardised)
    constexpr nabla::vec<"w"> w;
    constexpr nabla::var<"b"> b;
    constexpr nabla::row<"x"> x;
    constexpr nabla::col<"y"> y;
    const auto data = nabla::dataset(x = p.x, y = p.y);
    const auto f = nabla::objective(nabla::models::least_squares(w, b, x, y), nabla::wrt(w), data,
                                    nabla::sized(w, n), b = 0.0);
    std::vector<double> w0(n, 0.0), g(n), pt(n), dir(n);
    w0[0] = 1; // a vertex of the simplex, inside the L1 ball
    for (std::size_t j = 0; j < n; ++j) {
        pt[j] = 0.3 * std::sin(double(j + 1));
        dir[j] = std::cos(double(3 * j));
    }
    auto hand_hv = [&](span_c at, span_c v, std::span<double> out) {
        p.hessian_vector(at, v, out);
    };
    for (span_c at : {span_c(w0), span_c(pt)})
        check_against_hand_written(f, p, hand_hv, at, dir);

    // simplex: away steps reach gap 1e-8; the minimum and minimiser agree with the enumerated
    // solution of the hand-written problem
    auto away =
        ns::away_step_frank_wolfe{ns::simplex{}, ns::exact_quadratic_step{}, {.gap_tol = 1e-8}}
            .minimize(f, w0);
    BOOST_TEST_INFO(ns::to_string(away.status) << ": " << away.message);
    BOOST_TEST(away.status == ns::status::converged_gap);
    BOOST_TEST(*away.duality_gap <= 1e-8);
    const auto ws = minimiser_by_enumeration(p, false);
    const double fs = p.value(ws);
    BOOST_TEST(std::abs(away.f - fs) <= 1e-10 * fs);
    BOOST_TEST(p.value(away.x) - fs >= -1e-15);
    BOOST_TEST(max_abs_difference(away.x, ws) <= 1e-4);
    // KKT at the returned point, with the hand-written gradient: g_i = mu on the support,
    // g_i >= mu elsewhere
    (void)p.value_gradient(away.x, g);
    const double mu = *std::min_element(g.begin(), g.end());
    double sum = 0, gap = 0;
    for (std::size_t i = 0; i < n; ++i) {
        BOOST_TEST(away.x[i] >= 0.0);
        sum += away.x[i];
        gap += away.x[i] * (g[i] - mu);
    }
    BOOST_TEST(sum == 1.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(gap <= 1e-8);

    // vanilla FW with 2/(t+2): Jaggi (2013), Thms 1-2 with C_f <= L diam^2, diam^2 = 2:
    // f(x_t) - f* <= 2 C_f/(t+2) and min_{s<=t} gap_s <= 27/4 C_f/(t+2)
    double lmax = 0; // L = largest eigenvalue of Q, by power iteration
    std::vector<double> v(n, 1.0), qv(n);
    for (int it = 0; it < 500; ++it) {
        p.hessian_vector(v, v, qv);
        lmax = norm2(qv) / norm2(v);
        for (std::size_t i = 0; i < n; ++i)
            v[i] = qv[i] / lmax;
    }
    const double cf = 2 * lmax;
    auto fw = ns::frank_wolfe{ns::simplex{},
                              ns::open_loop_step{},
                              {.stop = {.max_iterations = 2000}, .gap_tol = 1e-8}}
                  .minimize(f, w0);
    BOOST_TEST(fw.status == ns::status::iteration_limit); // O(1/t): far from 1e-8 in 2000 steps
    // (the theorem bounds the best gap so far; the raw gap_t (t+2) is asserted bounded too)
    double best_gap = 1e300, worst_ratio = 0, raw_ratio = 0;
    for (auto const& e : fw.history) {
        const double t = double(e.iteration);
        best_gap = std::min(best_gap, e.gap);
        raw_ratio = std::max(raw_ratio, e.gap * (t + 2) / cf);
        if (e.iteration >= 1)
            BOOST_TEST(e.f - fs <= 2 * cf / (t + 2) + 1e-12);
        if (e.iteration >= 2)
            worst_ratio = std::max(worst_ratio, best_gap * (t + 2) / cf);
    }
    BOOST_TEST(worst_ratio <= 6.75);
    BOOST_TEST(raw_ratio <= 6.75); // measured: see the report
    const double final_rate = fw.history.back().gap * double(fw.iterations + 2);

    // L1 ball of radius 1 (active: the least-squares solution has a larger L1 norm); the
    // minimum against the enumerated solution of the hand-written problem
    auto l1 =
        ns::away_step_frank_wolfe{ns::l1_ball{1.0}, ns::exact_quadratic_step{}, {.gap_tol = 1e-8}}
            .minimize(f, w0);
    BOOST_TEST_INFO(ns::to_string(l1.status) << ": " << l1.message);
    BOOST_TEST(l1.status == ns::status::converged_gap);
    const auto wl = minimiser_by_enumeration(p, true);
    const double fl = p.value(wl);
    BOOST_TEST(std::abs(l1.f - fl) <= 1e-10 * fl);
    BOOST_TEST(max_abs_difference(l1.x, wl) <= 1e-4);
    (void)p.value_gradient(l1.x, g);
    double l1norm = 0, nu = 0, l1gap = 0;
    for (std::size_t i = 0; i < n; ++i) {
        l1norm += std::abs(l1.x[i]);
        nu = std::max(nu, std::abs(g[i]));
        l1gap += l1.x[i] * g[i];
    }
    l1gap += nu; // <g, x> + r ||g||_inf >= f(x) - f*
    BOOST_TEST(l1norm == 1.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(nu > 1e-3); // the constraint binds
    BOOST_TEST(l1gap <= 1e-8);
    for (std::size_t i = 0; i < n; ++i) // KKT: g_i = -nu sign(x_i) on the support
        if (std::abs(l1.x[i]) > 1e-6)
            BOOST_TEST(std::abs(g[i] + nu * (l1.x[i] > 0 ? 1 : -1)) <= 1e-6);
    auto l1fw = ns::frank_wolfe{ns::l1_ball{1.0},
                                ns::open_loop_step{},
                                {.stop = {.max_iterations = 2000}, .gap_tol = 1e-8}}
                    .minimize(f, w0);
    BOOST_TEST(l1fw.f - fl <= 2 * (4 * lmax) / 2002.0); // diam^2 = 4 r^2

    if (report) {
        std::printf("simplex: f* (enumeration) %.17g, away-step FW: %zu iterations, %zu f, %zu g, "
                    "%zu h evals, f = %.17g, (f - f*)/f* = %.2e, gap %.2e\n",
                    fs, away.iterations, away.f_evals, away.g_evals, away.h_evals, away.f,
                    (away.f - fs) / fs, *away.duality_gap);
        std::printf("simplex: vanilla FW 2000 its: f - f* = %.2e, gap %.2e, gap*(t+2) = %.3g, "
                    "max_t min_s<=t gap_s*(t+2)/C_f = %.3g (bound 6.75), max_t gap_t*(t+2)/C_f = "
                    "%.3g, L = %.4g\n",
                    fw.f - fs, fw.history.back().gap, final_rate, worst_ratio, raw_ratio, lmax);
        std::printf("L1 ball: f* (enumeration) %.17g, away-step FW: %zu iterations, %zu f, %zu g, "
                    "%zu h evals, f = %.17g, (f - f*)/f* = %.2e, gap %.2e; vanilla FW 2000 its: "
                    "f - f* = %.2e, gap %.2e\n",
                    fl, l1.iterations, l1.f_evals, l1.g_evals, l1.h_evals, l1.f, (l1.f - fl) / fl,
                    *l1.duality_gap, l1fw.f - fl, *l1fw.duality_gap);
    }
}

BOOST_AUTO_TEST_SUITE_END()
