/** Stylesheets are irrelevant to behaviour tests. */
export default {};
