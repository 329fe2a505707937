/** An image imported by a component: the bundler gives its address; tests get a local one. */
export default '/static/images/test-picture.png';
