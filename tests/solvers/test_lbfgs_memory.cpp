// The L-BFGS memory (detail/lbfgs_memory.hpp, the compact representation) against a textbook
// two-loop recursion written here. Part of nabla_test_solvers, and of nabla_test_native, which
// compiles it for the widest SIMD instructions of the build machine.
#include <boost/test/unit_test.hpp>

#include <nabla/solvers/lbfgs.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

using mp50 = boost::multiprecision::cpp_bin_float_50;

BOOST_AUTO_TEST_SUITE(lbfgs_memory)

namespace {
// The textbook two-loop recursion (Nocedal & Wright, Algorithm 7.4) on the same pairs, oldest
// first: the reference for the compact representation detail::lbfgs_memory applies.
template <class T>
std::vector<T> two_loop_direction(const std::vector<std::vector<T>>& S,
                                  const std::vector<std::vector<T>>& Y, const std::vector<T>& g) {
    auto dot = [](const std::vector<T>& a, const std::vector<T>& b) {
        T r = T(0);
        for (std::size_t i = 0; i < a.size(); ++i)
            r += a[i] * b[i];
        return r;
    };
    const std::size_t c = S.size(), n = g.size();
    std::vector<T> q = g, alpha(c);
    for (std::size_t i = c; i-- > 0;) {
        alpha[i] = dot(S[i], q) / dot(S[i], Y[i]);
        for (std::size_t k = 0; k < n; ++k)
            q[k] -= alpha[i] * Y[i][k];
    }
    const T gamma = c ? dot(S[c - 1], Y[c - 1]) / dot(Y[c - 1], Y[c - 1]) : T(1);
    for (auto& v : q)
        v *= gamma;
    for (std::size_t i = 0; i < c; ++i) {
        const T beta = dot(Y[i], q) / dot(S[i], Y[i]);
        for (std::size_t k = 0; k < n; ++k)
            q[k] += (alpha[i] - beta) * S[i][k];
    }
    for (auto& v : q)
        v = -v;
    return q;
}

// Runs the memory as the descent loop does (direction at g_k, then the pair s_k,
// y_k = g_{k+1} - g_k) through 3m + 4 steps, with a skipped pair, two updates in a row and a
// reset along the way, and compares every direction and g'd with the two-loop recursion's.
template <class T>
void compare_with_two_loop(std::size_t n, std::size_t m, double tol) {
    std::mt19937 rng(unsigned(17 * n + m));
    std::uniform_real_distribution<double> u(-1, 1), curvature(0.5, 2);
    std::vector<T> a(n), g(n), d(n);
    for (std::size_t i = 0; i < n; ++i) { // g_{k+1} = g_k + diag(a) s_k: y's'> 0
        a[i] = T(curvature(rng));
        g[i] = T(u(rng));
    }
    nabla::solvers::detail::lbfgs_memory<T> mem(n, m);
    std::vector<std::vector<T>> S, Y;
    auto add = [&](std::vector<T> s, std::vector<T> y) {
        auto [sm, ym] = mem.next_pair();
        std::copy(s.begin(), s.end(), sm.begin());
        std::copy(y.begin(), y.end(), ym.begin());
        T sy = T(0), yy = T(0);
        for (std::size_t i = 0; i < n; ++i) {
            sy += s[i] * y[i];
            yy += y[i] * y[i];
        }
        mem.update(sm, ym, sy, yy);
        if (sy > T(0)) { // the reference keeps what the memory keeps
            S.push_back(std::move(s));
            Y.push_back(std::move(y));
            if (S.size() > m) {
                S.erase(S.begin());
                Y.erase(Y.begin());
            }
        }
    };
    auto random_s = [&] {
        std::vector<T> s(n);
        for (auto& v : s)
            v = T(u(rng));
        return s;
    };
    using std::abs;
    for (std::size_t k = 0; k < 3 * m + 4; ++k) {
        T dg{};
        mem.direction(g, d, dg);
        BOOST_REQUIRE_EQUAL(mem.size(), S.size());
        const std::vector<T> ref = two_loop_direction(S, Y, g);
        T scale = T(0), err = T(0), gd = T(0);
        for (std::size_t i = 0; i < n; ++i) {
            scale = std::max<T>(scale, abs(ref[i]));
            err = std::max<T>(err, abs(d[i] - ref[i]));
            gd += g[i] * ref[i];
        }
        BOOST_TEST_INFO("n " << n << ", m " << m << ", step " << k << ", " << S.size() << " pairs");
        BOOST_TEST(static_cast<double>(err / scale) <= tol);
        BOOST_TEST(static_cast<double>(abs(dg - gd) / abs(gd)) <= tol);
        if (k == 2 * m + 1) { // forget everything
            mem.reset();
            S.clear();
            Y.clear();
            continue;
        }
        std::vector<T> s = random_s(), gn(n), y(n);
        for (std::size_t i = 0; i < n; ++i) {
            gn[i] = g[i] + a[i] * s[i];
            y[i] = gn[i] - g[i];
        }
        if (k == 3) { // a pair violating the curvature condition is skipped; g stays
            for (auto& v : y)
                v = -v;
            add(s, y);
            continue;
        }
        add(s, y);
        g = gn;
        if (k % 5 == 4) { // a second pair before the next direction, unrelated to g
            std::vector<T> s2 = random_s(), y2(n);
            for (std::size_t i = 0; i < n; ++i)
                y2[i] = a[i] * s2[i];
            add(s2, y2);
        }
    }
}
} // namespace

// Sizes around SIMD widths, history lengths on both sides of the compiled-for-the-count passes
// (up to 8 pairs), past the window's rewinds.
BOOST_AUTO_TEST_CASE(compact_form_equals_two_loop_recursion) {
    for (std::size_t n : {1u, 3u, 8u, 13u, 37u, 1100u})
        for (std::size_t m : {1u, 2u, 3u, 6u, 8u, 11u})
            compare_with_two_loop<double>(n, m, 1e-11);
    for (std::size_t n : {5u, 16u, 21u})
        for (std::size_t m : {2u, 6u, 8u, 9u})
            compare_with_two_loop<float>(n, m, 2e-3);
    compare_with_two_loop<mp50>(7, 4, 1e-40);
}

BOOST_AUTO_TEST_SUITE_END()
