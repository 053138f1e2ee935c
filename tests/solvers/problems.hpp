#ifndef NABLA_TESTS_SOLVERS_PROBLEMS_HPP
#define NABLA_TESTS_SOLVERS_PROBLEMS_HPP

// Hand-written test objectives with analytic gradients and Hessians (Moré, Garbow, Hillstrom,
// "Testing unconstrained optimization software", ACM TOMS 7, 1981), templated on the scalar.

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>

namespace nabla::solvers::test {

// Rosenbrock: f = 100 (x2 - x1^2)^2 + (1 - x1)^2, minimum f(1, 1) = 0, start (-1.2, 1).
template <class T>
struct rosenbrock {
    using scalar_type = T;
    std::size_t dimension() const { return 2; }
    T value(std::span<const T> x) const {
        const T a = x[1] - x[0] * x[0], b = 1 - x[0];
        return 100 * a * a + b * b;
    }
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        const T a = x[1] - x[0] * x[0], b = 1 - x[0];
        g[0] = -400 * x[0] * a - 2 * b;
        g[1] = 200 * a;
        return 100 * a * a + b * b;
    }
    T value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> h) const {
        h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
        h[1] = h[2] = -400 * x[0];
        h[3] = 200;
        return value_gradient(x, g);
    }
};

// Wood: minimum f(1,1,1,1) = 0, start (-3,-1,-3,-1).
template <class T>
struct wood {
    using scalar_type = T;
    std::size_t dimension() const { return 4; }
    T value(std::span<const T> x) const {
        const T a = x[1] - x[0] * x[0], b = 1 - x[0], c = x[3] - x[2] * x[2], d = 1 - x[2];
        const T e = x[1] - 1, k = x[3] - 1;
        return 100 * a * a + b * b + 90 * c * c + d * d + T(10.1) * (e * e + k * k) +
               T(19.8) * e * k;
    }
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        const T a = x[1] - x[0] * x[0], b = 1 - x[0], c = x[3] - x[2] * x[2], d = 1 - x[2];
        const T e = x[1] - 1, k = x[3] - 1;
        g[0] = -400 * x[0] * a - 2 * b;
        g[1] = 200 * a + T(20.2) * e + T(19.8) * k;
        g[2] = -360 * x[2] * c - 2 * d;
        g[3] = 180 * c + T(20.2) * k + T(19.8) * e;
        return value(x);
    }
    T value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> h) const {
        for (std::size_t i = 0; i < 16; ++i)
            h[i] = 0;
        h[0] = 1200 * x[0] * x[0] - 400 * x[1] + 2;
        h[1] = h[4] = -400 * x[0];
        h[5] = T(220.2);
        h[7] = h[13] = T(19.8);
        h[10] = 1080 * x[2] * x[2] - 360 * x[3] + 2;
        h[11] = h[14] = -360 * x[2];
        h[15] = T(200.2);
        return value_gradient(x, g);
    }
};

// Powell singular: minimum f(0,0,0,0) = 0 with a singular Hessian there, start (3,-1,0,1).
template <class T>
struct powell_singular {
    using scalar_type = T;
    std::size_t dimension() const { return 4; }
    T value(std::span<const T> x) const {
        const T a = x[0] + 10 * x[1], b = x[2] - x[3], c = x[1] - 2 * x[2], e = x[0] - x[3];
        return a * a + 5 * b * b + c * c * c * c + 10 * e * e * e * e;
    }
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        const T a = x[0] + 10 * x[1], b = x[2] - x[3], c = x[1] - 2 * x[2], e = x[0] - x[3];
        g[0] = 2 * a + 40 * e * e * e;
        g[1] = 20 * a + 4 * c * c * c;
        g[2] = 10 * b - 8 * c * c * c;
        g[3] = -10 * b - 40 * e * e * e;
        return value(x);
    }
    T value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> h) const {
        const T c = x[1] - 2 * x[2], e = x[0] - x[3];
        const T h11 = 2 + 120 * e * e, h22 = 200 + 12 * c * c, h33 = 10 + 48 * c * c;
        const T h44 = 10 + 120 * e * e;
        const T r[16] = {h11, 20,          0,   -120 * e * e, 20,           h22, -24 * c * c, 0,
                         0,   -24 * c * c, h33, -10,          -120 * e * e, 0,   -10,         h44};
        for (std::size_t i = 0; i < 16; ++i)
            h[i] = r[i];
        return value_gradient(x, g);
    }
};

// Beale: minimum f(3, 0.5) = 0, start (1, 1).
template <class T>
struct beale {
    using scalar_type = T;
    std::size_t dimension() const { return 2; }
    T value(std::span<const T> x) const {
        T s = 0, p = 1;
        for (int i = 1; i <= 3; ++i) {
            p *= x[1];
            const T r = c(i) - x[0] + x[0] * p;
            s += r * r;
        }
        return s;
    }
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        g[0] = g[1] = 0;
        T p = 1; // x2^(i-1)
        for (int i = 1; i <= 3; ++i) {
            const T r = c(i) - x[0] + x[0] * p * x[1];
            g[0] += 2 * r * (p * x[1] - 1);
            g[1] += 2 * r * (i * x[0] * p);
            p *= x[1];
        }
        return value(x);
    }
    T value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> h) const {
        h[0] = h[1] = h[2] = h[3] = 0;
        T pm2 = 0, pm1 = 1; // x2^(i-2), x2^(i-1)
        for (int i = 1; i <= 3; ++i) {
            const T r = c(i) - x[0] + x[0] * pm1 * x[1];
            const T d0 = pm1 * x[1] - 1, d1 = i * x[0] * pm1;
            h[0] += 2 * d0 * d0;
            h[1] += 2 * (d0 * d1 + r * i * pm1);
            h[3] += 2 * (d1 * d1 + r * i * (i - 1) * x[0] * pm2);
            pm2 = pm1;
            pm1 *= x[1];
        }
        h[2] = h[1];
        return value_gradient(x, g);
    }
    static T c(int i) { return i == 1 ? T(1.5) : i == 2 ? T(2.25) : T(2.625); }
};

// Convex quadratic f = 1/2 x'Ax - b'x with A = [[4,1],[1,3]], b = (1,2):
// minimiser A^{-1} b = (1/11, 7/11), f* = -1/2 b'A^{-1}b = -15/22. Also has hessian_vector.
template <class T>
struct quadratic2 {
    using scalar_type = T;
    std::size_t dimension() const { return 2; }
    T value(std::span<const T> x) const {
        return (4 * x[0] * x[0] + 2 * x[0] * x[1] + 3 * x[1] * x[1]) / 2 - x[0] - 2 * x[1];
    }
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        g[0] = 4 * x[0] + x[1] - 1;
        g[1] = x[0] + 3 * x[1] - 2;
        return value(x);
    }
    void hessian_vector(std::span<const T>, std::span<const T> v, std::span<T> hv) const {
        hv[0] = 4 * v[0] + v[1];
        hv[1] = v[0] + 3 * v[1];
    }
};

// Extended Rosenbrock in n (even) variables, Hessian-vector products only (block diagonal):
// f = sum_i 100 (x_{2i+1} - x_{2i}^2)^2 + (1 - x_{2i})^2, minimum 0 at ones.
template <class T>
struct extended_rosenbrock {
    using scalar_type = T;
    std::size_t n;
    std::size_t dimension() const { return n; }
    T value(std::span<const T> x) const {
        T f = 0;
        for (std::size_t i = 0; i < n; i += 2) {
            const T a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            f += 100 * a * a + b * b;
        }
        return f;
    }
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        for (std::size_t i = 0; i < n; i += 2) {
            const T a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            g[i] = -400 * x[i] * a - 2 * b;
            g[i + 1] = 200 * a;
        }
        return value(x);
    }
    void hessian_vector(std::span<const T> x, std::span<const T> v, std::span<T> hv) const {
        for (std::size_t i = 0; i < n; i += 2) {
            const T h11 = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2, h12 = -400 * x[i];
            hv[i] = h11 * v[i] + h12 * v[i + 1];
            hv[i + 1] = h12 * v[i] + 200 * v[i + 1];
        }
    }
};

// Double well f = (x^2 - 1)^2 + y^2: indefinite Hessian for |x| < 1/sqrt(3), minima (+-1, 0).
template <class T>
struct double_well {
    using scalar_type = T;
    std::size_t dimension() const { return 2; }
    T value(std::span<const T> x) const {
        return (x[0] * x[0] - 1) * (x[0] * x[0] - 1) + x[1] * x[1];
    }
    T value_gradient(std::span<const T> x, std::span<T> g) const {
        g[0] = 4 * x[0] * (x[0] * x[0] - 1);
        g[1] = 2 * x[1];
        return value(x);
    }
    T value_gradient_hessian(std::span<const T> x, std::span<T> g, std::span<T> h) const {
        h[0] = 12 * x[0] * x[0] - 4;
        h[1] = h[2] = 0;
        h[3] = 2;
        return value_gradient(x, g);
    }
};

// Unbounded below: f = x1 + x2^2 (no minimiser).
struct unbounded {
    using scalar_type = double;
    double value(std::span<const double> x) const { return x[0] + x[1] * x[1]; }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        g[0] = 1;
        g[1] = 2 * x[1];
        return value(x);
    }
};

// Returns NaN everywhere except at the exact start point's half-plane x1 <= -1.
struct nan_outside {
    using scalar_type = double;
    double value(std::span<const double> x) const {
        return x[0] <= -1 ? x[0] * x[0] : std::numeric_limits<double>::quiet_NaN();
    }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        g[0] = 2 * x[0];
        g[1] = 0;
        return value(x);
    }
};

// NaN everywhere.
struct always_nan {
    using scalar_type = double;
    double value(std::span<const double>) const { return std::numeric_limits<double>::quiet_NaN(); }
    double value_gradient(std::span<const double> x, std::span<double> g) const {
        for (auto& v : g)
            v = 0;
        return value(x);
    }
};

} // namespace nabla::solvers::test

#endif // NABLA_TESTS_SOLVERS_PROBLEMS_HPP
