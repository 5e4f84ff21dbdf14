"""`trellis-generate diff`: classify contract changes (spec/compatibility.md) and their permission
impact. `model` holds the result types, `schema` and `classify` the pure rules, `impact` the
permission comparison, `sides` the loading of each side, `report` the three output formats."""
