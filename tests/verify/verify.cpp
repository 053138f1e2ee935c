// nabla::verify: each verdict on a case whose answer is known by hand, and a derivative rule that
// is wrong on purpose, which the finite-difference oracle must catch.
#define BOOST_TEST_MODULE nabla verify
#include <nabla/verify.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <sstream>

namespace {

constexpr nabla::var<"x"> x;
constexpr nabla::var<"y"> y;
constexpr nabla::var<"z"> z;

// sin with a derivative rule that is off by 1e-6: the kind of mistake the oracle exists for.
struct miscoded_sin_op : nabla::detail::elementwise {
    static constexpr std::string_view name = "miscoded_sin";
    template <class T>
    static T apply(T const& v) {
        using std::sin;
        return T(sin(v));
    }
};

template <nabla::expression A>
constexpr auto miscoded_sin(A const& a) {
    return nabla::detail::make_unary<miscoded_sin_op>(a);
}

} // namespace

template <>
struct nabla::derivative_rule<miscoded_sin_op> {
    template <class Node>
    static constexpr auto outer(Node const& node) {
        return detail::make_add(detail::make_unary<cos_op>(node.arg), nabla::c<1, 1000000>);
    }
};

BOOST_AUTO_TEST_CASE(smooth_function_verifies_to_a_few_ulps) {
    const auto report =
        nabla::verify(exp(x * y) / (1 + y * y), nabla::wrt(x, y), std::array{0.5, 1.25});
    BOOST_TEST(report.ok());
    BOOST_TEST(report.components.size() == 6u); // f, 2 gradient entries, 3 upper-triangle entries
    BOOST_TEST(report.max_ulps() <= 8);
    for (auto const& c : report.components)
        BOOST_TEST((c.result == nabla::verdict::ok), c.name);
    // d/dx exp(xy)/(1+y^2) = y exp(xy)/(1+y^2), by hand.
    BOOST_TEST(report["df/dx"].value == 1.25 * std::exp(0.625) / (1 + 1.5625),
               boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(a_wrong_rule_is_a_rule_mismatch) {
    const auto report = nabla::verify(miscoded_sin(x) * y, nabla::wrt(x, y), std::array{0.7, 2.0});
    BOOST_TEST(!report.ok());
    BOOST_TEST((report["df/dx"].result == nabla::verdict::rule_mismatch));
    BOOST_TEST((report["df/dy"].result == nabla::verdict::ok)); // sin itself is right
    BOOST_TEST((report["d2f/dxdy"].result == nabla::verdict::rule_mismatch));
    // the wrong rule is exact in 50 digits, so the rounding check alone would have passed it
    BOOST_TEST(report["df/dx"].ulps <= 4);
}

BOOST_AUTO_TEST_CASE(kinks_are_non_differentiable_not_mismatches) {
    // |x| at 0, max(x, y) at a tie: the rule's midpoint value is reported, not judged.
    const auto report =
        nabla::verify(abs(x) + max(y, z) * 3, nabla::wrt(x, y, z), std::array{0.0, 1.0, 1.0});
    BOOST_TEST(report.ok());
    BOOST_TEST((report["df/dx"].result == nabla::verdict::non_differentiable));
    BOOST_TEST((report["df/dy"].result == nabla::verdict::non_differentiable));
    BOOST_TEST(report["df/dx"].value == 0.0); // midpoint of -1 and 1
    BOOST_TEST(report["df/dy"].value == 1.5); // midpoint of 0 and 3
    BOOST_TEST((report["f"].result == nabla::verdict::ok));
    // away from the kink the same expression is smooth
    BOOST_TEST(
        nabla::verify(abs(x) + max(y, z) * 3, nabla::wrt(x, y, z), std::array{-0.5, 2.0, 1.0})
            .ok());
}

BOOST_AUTO_TEST_CASE(domain_errors_name_the_subexpression) {
    nabla::verification_report report;
    BOOST_CHECK_NO_THROW(
        report = nabla::verify(y * log(x - 2) + sqrt(y), nabla::wrt(x, y), std::array{1.0, 4.0}));
    BOOST_TEST(!report.ok());
    BOOST_TEST((report["f"].result == nabla::verdict::domain_error));
    BOOST_TEST(report.note.find("log(-2 + x)") != std::string::npos, report.note);

    const auto root = nabla::verify(sqrt(x) + y, nabla::wrt(x, y), std::array{-1.0, 0.0});
    BOOST_TEST((root["f"].result == nabla::verdict::domain_error));
    BOOST_TEST(root.note.find("sqrt(x)") != std::string::npos, root.note);
}

BOOST_AUTO_TEST_CASE(overflow_and_underflow_of_double_are_reported) {
    // exp(800) overflows double, but exp(800) * 1e-300 = 2.7e47 is finite.
    const auto big = nabla::verify(exp(x) * y, nabla::wrt(x, y), std::array{800.0, 1e-300});
    BOOST_TEST((big["f"].result == nabla::verdict::overflow));
    BOOST_TEST(big["f"].detail.find("intermediate") != std::string::npos);
    BOOST_TEST((big["df/dy"].result == nabla::verdict::overflow)); // exp(800) itself
    BOOST_TEST(big["df/dy"].detail.find("beyond the double range") != std::string::npos);
    BOOST_TEST((big["d2f/dy2"].result == nabla::verdict::ok)); // a structural zero

    // exp(-800) is about 3.7e-348: below the double range, yet nonzero.
    const auto tiny = nabla::verify(exp(-x), nabla::wrt(x), std::array{800.0});
    BOOST_TEST((tiny["f"].result == nabla::verdict::underflow));
}

BOOST_AUTO_TEST_CASE(symbols_the_function_does_not_use_have_zero_components) {
    const auto report = nabla::verify(x * x * x, nabla::wrt(x, y, z), std::array{2.0, 5.0, -1.0});
    BOOST_TEST(report.ok());
    BOOST_TEST(report.components.size() == 10u);
    BOOST_TEST(report["df/dx"].value == 12.0);
    BOOST_TEST(report["d2f/dx2"].value == 12.0);
    BOOST_TEST(report["df/dy"].value == 0.0);
    BOOST_TEST(report["d2f/dydz"].value == 0.0);
    BOOST_TEST(report["d2f/dz2"].value == 0.0);
}

BOOST_AUTO_TEST_CASE(ill_conditioned_components_get_a_matching_tolerance) {
    // (1 + x)^2 - 1 - 2x - x^2 is zero; in double it is rounding noise around the size of its
    // terms. The running bound accepts that noise instead of flagging it against 0.
    constexpr auto cancel = pow(1.0 + x, 2) - 1.0 - x * 2.0 - x * x + y;
    const auto report = nabla::verify(cancel, nabla::wrt(x, y), std::array{1e8 + 0.5, 1.0});
    BOOST_TEST(report.ok());
    BOOST_TEST(report["f"].bound > 1e-6);
}

BOOST_AUTO_TEST_CASE(the_report_prints_a_table) {
    std::ostringstream out;
    out << nabla::verify(sin(x) * y, nabla::wrt(x, y), std::array{1.0, 2.0});
    const std::string text = out.str();
    BOOST_TEST(text.find("component") != std::string::npos);
    BOOST_TEST(text.find("d2f/dxdy") != std::string::npos);
    BOOST_TEST(text.find("verified") != std::string::npos);
    BOOST_TEST(text.find("ulps") != std::string::npos);
}
