// Keeps affsite's build cache between Netlify builds with Netlify's own
// cache utility, so a deploy renders only the pages that changed. It is a
// local plugin (netlify.toml names its folder): Netlify runs it as it is,
// with no package.json and no npm install.
const dir = ".affsite/cache";

module.exports = {
  async onPreBuild({ utils }) {
    await utils.cache.restore(dir);
  },
  async onPostBuild({ utils }) {
    await utils.cache.save(dir);
  },
};
