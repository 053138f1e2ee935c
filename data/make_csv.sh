#!/bin/sh
# Regenerates data/csv/*.csv (a header line of column names + numeric rows, the format
# nabla::read_csv reads) from the files copied verbatim from scikit-learn 1.2.1 beside this script.
set -eu
cd "$(dirname "$0")"

# breast_cancer.csv: first line "569,30,malignant,benign" (counts and class names) -> names.
{
    for part in mean error worst; do
        for f in radius texture perimeter area smoothness compactness concavity concave_points \
                 symmetry fractal_dimension; do
            printf '%s_%s,' "$part" "$f"
        done
    done
    echo target
    tail -n +2 breast_cancer.csv
} > csv/breast_cancer.csv

# diabetes: 10 space-separated raw features + the target from a second file.
{
    echo age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,target
    gzip -dc diabetes_data_raw.csv.gz > csv/.features
    gzip -dc diabetes_target.csv.gz | awk '{ printf "%.10g\n", $1 }' > csv/.target
    paste -d ' ' csv/.features csv/.target | awk '{ $1 = $1; gsub(/ /, ","); print }'
    rm -f csv/.features csv/.target
} > csv/diabetes.csv

# digits: 64 pixel counts (row r, column c of the 8x8 image) + the digit.
{
    for r in 0 1 2 3 4 5 6 7; do
        for c in 0 1 2 3 4 5 6 7; do
            printf 'pixel_%d_%d,' "$r" "$c"
        done
    done
    echo target
    gzip -dc digits.csv.gz
} > csv/digits.csv
