//! \file
//! \brief What `nabla::verify` finds, component by component, and how it prints.
#ifndef NABLA_SYMBOLIC_VERIFY_REPORT_HPP
#define NABLA_SYMBOLIC_VERIFY_REPORT_HPP

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace nabla {

//! \brief The verdict on one component of a verification.
enum class verdict {
    ok,                 //!< Both references agree within the component's tolerance.
    rounding,           //!< The double value is further from the 50-digit value than its
                        //!< running error bound allows.
    rule_mismatch,      //!< nabla's 50-digit derivative disagrees with the finite-difference
                        //!< oracle: a derivative rule is wrong.
    non_differentiable, //!< The point is at a kink (abs, min, max); the value returned follows
                        //!< the midpoint convention and is not compared.
    domain_error,       //!< The function is undefined at the point (log of a negative, ...).
    overflow,           //!< Double overflowed where the exact value is finite, or the exact
                        //!< value is beyond the double range.
    underflow,          //!< The exact value is nonzero but below the double range.
    unverified          //!< The finite-difference oracle could not be formed (a singularity or
                        //!< domain boundary within its steps); only rounding was checked.
};

//! \brief A readable name of a verdict.
inline std::string_view to_string(verdict v) {
    switch (v) {
    case verdict::ok:
        return "ok";
    case verdict::rounding:
        return "ROUNDING";
    case verdict::rule_mismatch:
        return "RULE MISMATCH";
    case verdict::non_differentiable:
        return "kink";
    case verdict::domain_error:
        return "DOMAIN ERROR";
    case verdict::overflow:
        return "OVERFLOW";
    case verdict::underflow:
        return "UNDERFLOW";
    case verdict::unverified:
        return "unverified";
    }
    return "?";
}

//! \brief One checked number: the value, a gradient entry or a Hessian entry.
struct component_report {
    std::string name; //!< `f`, `df/dx`, `d2f/dxdy`
    double value = 0; //!< What nabla's generated double code computed.
    long double reference =
        0; //!< The same derivative evaluated in 50 digits (rounded for display).
    std::string reference_digits; //!< The 50-digit reference, 25 significant digits.
    double abs_error = 0;         //!< \f$ |value - reference| \f$.
    double rel_error = 0;         //!< \f$ |value - reference| / |reference| \f$.
    double ulps = 0;  //!< The absolute error in units of the last place of the reference.
    double bound = 0; //!< The running error bound of the double evaluation.
    double oracle_rel_error = 0;  //!< Relative difference of the 50-digit derivative from the
                                  //!< 100-digit finite-difference oracle (0 for the value).
    verdict result = verdict::ok; //!< The verdict.
    std::string detail;           //!< Why, where the verdict is not ok.

    //! True when this component does not fail the verification.
    [[nodiscard]] bool ok() const {
        return result == verdict::ok || result == verdict::non_differentiable ||
               result == verdict::unverified;
    }
};

//! \brief The result of `nabla::verify`: one `component_report` per value, gradient and
//! upper-triangle Hessian entry, in that order.
struct verification_report {
    std::vector<component_report> components; //!< Every checked number.
    std::string note; //!< A sentence about the whole point (domain error, kink), or empty.

    //! True when no component failed.
    [[nodiscard]] bool ok() const {
        return std::all_of(components.begin(), components.end(),
                           [](component_report const& c) { return c.ok(); });
    }
    //! The largest error in ulps over the components that have a finite one.
    [[nodiscard]] double max_ulps() const {
        double m = 0;
        for (auto const& c : components)
            if (std::isfinite(c.ulps))
                m = std::max(m, c.ulps);
        return m;
    }
    //! The component with the largest error in ulps (failed components first).
    [[nodiscard]] component_report const& worst() const {
        return *std::max_element(components.begin(), components.end(),
                                 [](component_report const& a, component_report const& b) {
                                     if (a.ok() != b.ok())
                                         return a.ok();
                                     return a.ulps < b.ulps;
                                 });
    }
    //! The component named \p name (`"df/dx"`); throws `std::out_of_range` if there is none.
    [[nodiscard]] component_report const& operator[](std::string_view name) const {
        for (auto const& c : components)
            if (c.name == name)
                return c;
        throw std::out_of_range("nabla::verification_report: no component named " +
                                std::string(name));
    }

    //! Prints the table: component, double value, reference, errors, verdict.
    friend std::ostream& operator<<(std::ostream& out, verification_report const& r) {
        std::ostringstream s;
        s << std::left << std::setw(12) << "component" << std::right << std::setw(25) << "double"
          << std::setw(28) << "50-digit reference" << std::setw(10) << "abs err" << std::setw(10)
          << "rel err" << std::setw(8) << "ulps" << std::setw(10) << "bound" << std::setw(11)
          << "oracle"
          << "  verdict\n";
        for (auto const& c : r.components) {
            s << std::left << std::setw(12) << c.name << std::right << std::setw(25)
              << std::setprecision(17) << c.value << std::setw(28) << c.reference_digits
              << std::setprecision(2) << std::scientific << std::setw(10) << c.abs_error
              << std::setw(10) << c.rel_error << std::defaultfloat << std::setprecision(3)
              << std::setw(8) << c.ulps << std::scientific << std::setprecision(2) << std::setw(10)
              << c.bound << std::setw(11) << c.oracle_rel_error << std::defaultfloat << "  "
              << to_string(c.result);
            if (!c.detail.empty())
                s << " (" << c.detail << ")";
            s << '\n';
        }
        if (!r.note.empty())
            s << r.note << '\n';
        s << (r.ok() ? "verified" : "NOT verified") << ": max " << r.max_ulps() << " ulps\n";
        return out << s.str();
    }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_VERIFY_REPORT_HPP
