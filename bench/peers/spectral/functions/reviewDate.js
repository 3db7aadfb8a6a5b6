// A workaround needs a review date that has not passed.
export default (workaround, options) =>
  workaround.review_by && workaround.review_by >= options.today
    ? []
    : [{ message: "missing or past review date" }];
