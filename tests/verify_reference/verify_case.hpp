// The check behind each case of tests/data/derivatives.json in the generated
// verify_reference_N.cpp: `nabla::verify` at the case's point, which must pass, or the failure
// names the case and prints the whole report.
#ifndef NABLA_TESTS_VERIFY_REFERENCE_VERIFY_CASE_HPP
#define NABLA_TESTS_VERIFY_REFERENCE_VERIFY_CASE_HPP

#include <nabla/verify.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <cstdlib>

namespace nabla_test {

//! Verifies \p f with respect to \p w at \p point (decimal strings, all dyadic in the JSON, so
//! `strtod` is exact). \p index is the case's position in the JSON `cases` array.
template <class F, class W, std::size_t N>
void verify_case(char const* name, int index, F const& f, W w,
                 std::array<char const*, N> const& point) {
    std::array<double, N> p{};
    for (std::size_t i = 0; i != N; ++i)
        p[i] = std::strtod(point[i], nullptr);
    const auto report = nabla::verify(f, w, p);
    BOOST_CHECK_MESSAGE(report.ok(), "derivatives.json cases[" << index << "] \"" << name
                                                               << "\": nabla::verify failed, worst "
                                                               << report.worst().name << "\n"
                                                               << report);
}

} // namespace nabla_test

#endif // NABLA_TESTS_VERIFY_REFERENCE_VERIFY_CASE_HPP
