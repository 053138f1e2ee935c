//! \file
//! \brief `data_error`: what is thrown for bad data or mismatched sizes.
#ifndef NABLA_SYMBOLIC_DATA_DATA_ERROR_HPP
#define NABLA_SYMBOLIC_DATA_DATA_ERROR_HPP

#include <stdexcept>

namespace nabla {

//! \brief Bad input data, or sizes that do not agree: a dataset whose columns differ in length,
//! a NaN in the data, a parameter vector of the wrong length, a malformed CSV file. The message
//! names what is wrong and where.
struct data_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DATA_DATA_ERROR_HPP
